package com.herald.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeDatesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static ZonedDateTime berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN);
    }

    @ParameterizedTest(name = "{0} at {1} = {2}")
    @CsvSource({
        // bases (Wednesday 2026-03-18 14:35:10)
        "today,             2026-03-18T14:35:10, 2026-03-18T00:00",
        "yesterday,         2026-03-18T14:35:10, 2026-03-17T00:00",
        "start_of_week,     2026-03-18T14:35:10, 2026-03-16T00:00",
        "start_of_month,    2026-03-18T14:35:10, 2026-03-01T00:00",
        "start_of_year,     2026-03-18T14:35:10, 2026-01-01T00:00",
        "now,               2026-03-18T14:35:10, 2026-03-18T14:35:10",
        // week starts on Monday: a Monday is its own start, a Sunday belongs to the week before
        "start_of_week,     2026-03-16T00:00,    2026-03-16T00:00",
        "start_of_week,     2026-03-22T23:59,    2026-03-16T00:00",
        "start_of_week-1w,  2026-03-18T10:00,    2026-03-09T00:00",
        // offsets
        "today-7d,          2026-03-18T10:00,    2026-03-11T00:00",
        "today+1d,          2026-03-18T10:00,    2026-03-19T00:00",
        "start_of_month-1M, 2026-03-18T10:00,    2026-02-01T00:00",
        "start_of_month-1M, 2026-01-15T10:00,    2025-12-01T00:00",
        "start_of_year-1y,  2026-03-18T10:00,    2025-01-01T00:00",
        "now+2h,            2026-03-18T10:00,    2026-03-18T12:00",
        "now-90m,           2026-03-18T10:00,    2026-03-18T08:30",
        "today-1M+3d,       2026-03-18T10:00,    2026-02-21T00:00",
        // month ends and leap years clamp to the month's last day
        "today-1M,          2026-03-31T10:00,    2026-02-28T00:00",
        "today-1M,          2024-03-31T10:00,    2024-02-29T00:00",
        "today+1y,          2024-02-29T10:00,    2025-02-28T00:00",
        "today-4y,          2024-02-29T10:00,    2020-02-29T00:00",
        "start_of_month+1M-1d, 2024-02-10T10:00, 2024-02-29T00:00",
        "yesterday,         2026-03-01T00:30,    2026-02-28T00:00",
        "yesterday,         2024-03-01T00:30,    2024-02-29T00:00",
        "start_of_year,     2026-12-31T23:59,    2026-01-01T00:00",
        "today+1d,          2026-12-31T12:00,    2027-01-01T00:00",
    })
    void evaluatesInBerlin(String expression, String at, String expected) {
        assertThat(RelativeDates.evaluate(expression, berlin(at)).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void springForwardDayIsTwentyThreeHoursLongInBerlin() {
        // 2026-03-29: clocks go from 02:00 to 03:00
        ZonedDateTime at = berlin("2026-03-29T12:00");
        ZonedDateTime today = RelativeDates.evaluate("today", at);
        ZonedDateTime tomorrow = RelativeDates.evaluate("today+1d", at);
        assertThat(today.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(tomorrow.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(java.time.Duration.between(today, tomorrow).toHours()).isEqualTo(23);
        // hours are elapsed time: 01:30 + 1h is 03:30 summer time (02:30 does not exist)
        assertThat(RelativeDates.evaluate("now+1h", berlin("2026-03-29T01:30")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));
        // days are calendar days: now-1d keeps the wall-clock time
        assertThat(RelativeDates.evaluate("now-1d", berlin("2026-03-30T12:00")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-29T12:00"));
    }

    @Test
    void fallBackDayIsTwentyFiveHoursLongInBerlin() {
        // 2026-10-25: clocks go from 03:00 back to 02:00
        ZonedDateTime at = berlin("2026-10-25T18:00");
        ZonedDateTime today = RelativeDates.evaluate("today", at);
        ZonedDateTime tomorrow = RelativeDates.evaluate("today+1d", at);
        assertThat(java.time.Duration.between(today, tomorrow).toHours()).isEqualTo(25);
        ZonedDateTime firstTwoThirty = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-10-25T02:30"), BERLIN, null);
        ZonedDateTime later = RelativeDates.evaluate("now+1h", firstTwoThirty);
        assertThat(later.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T02:30"));
        assertThat(later.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(RelativeDates.evaluate("yesterday", berlin("2026-10-26T00:10"))
                        .toLocalDate())
                .isEqualTo(LocalDate.parse("2026-10-25"));
    }

    @Test
    void startOfDayInAMidnightGapIsTheFirstInstantOfThatDay() {
        // America/Santiago skipped 2026-09-06 00:00 (clocks jumped to 01:00)
        ZoneId santiago = ZoneId.of("America/Santiago");
        ZonedDateTime at = LocalDateTime.parse("2026-09-06T12:00").atZone(santiago);
        ZonedDateTime today = RelativeDates.evaluate("today", at);
        assertThat(today.toLocalDate()).isEqualTo(LocalDate.parse("2026-09-06"));
        assertThat(today.toLocalTime().getHour()).isEqualTo(1);
        ZonedDateTime fromNextDay = RelativeDates.evaluate("today-1d", at.plusDays(1));
        assertThat(fromNextDay).isEqualTo(today);
    }

    @Test
    void theZoneOfTheInstantDecidesTheDay() {
        ZonedDateTime utc = ZonedDateTime.parse("2026-03-18T23:30:00Z");
        assertThat(RelativeDates.evaluateDate("today", utc)).isEqualTo(LocalDate.parse("2026-03-18"));
        assertThat(RelativeDates.evaluateDate("today", utc.withZoneSameInstant(BERLIN)))
                .isEqualTo(LocalDate.parse("2026-03-19"));
    }

    @Test
    void spacesAndCaseOfTheBaseAreForgiven() {
        ZonedDateTime at = berlin("2026-03-18T10:00");
        assertThat(RelativeDates.evaluate("  Start_Of_Month - 1M ", at))
                .isEqualTo(RelativeDates.evaluate("start_of_month-1M", at));
        assertThat(RelativeDates.isRelative("TODAY")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "tomorrow",
                "today-",
                "today-7",
                "today-7x",
                "today-1D",
                "2026-01-01",
                "now+2hours",
                "today 7d"
            })
    void rejectsWhatIsNotAnExpression(String expression) {
        assertThat(RelativeDates.isRelative(expression)).isFalse();
        assertThatThrownBy(() -> RelativeDates.evaluate(expression, berlin("2026-03-18T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a relative date");
    }

    @Test
    void monthsAndMinutesAreDifferentUnits() {
        ZonedDateTime at = berlin("2026-03-18T10:00");
        assertThat(RelativeDates.evaluate("now-1M", at).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-02-18T10:00"));
        assertThat(RelativeDates.evaluate("now-1m", at).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-18T09:59"));
    }
}
