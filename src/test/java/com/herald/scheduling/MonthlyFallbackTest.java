package com.herald.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyFallbackTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static List<String> days(Cadence cadence, String afterUtc, int count) {
        return FireTimes.next(cadence, BERLIN, Instant.parse(afterUtc), null, null, count).stream()
                .map(f -> f.localTime().toLocalDateTime().toString())
                .toList();
    }

    @Test
    void day31FallsBackToTheLastDayOfShorterMonths() {
        assertThat(days(new Cadence.Monthly(31, 6, 0), "2027-01-01T00:00:00Z", 6))
                .containsExactly(
                        "2027-01-31T06:00",
                        "2027-02-28T06:00",
                        "2027-03-31T06:00",
                        "2027-04-30T06:00",
                        "2027-05-31T06:00",
                        "2027-06-30T06:00");
    }

    @Test
    void day31InALeapFebruaryIsThe29th() {
        assertThat(days(new Cadence.Monthly(31, 6, 0), "2028-02-01T00:00:00Z", 2))
                .containsExactly("2028-02-29T06:00", "2028-03-31T06:00");
    }

    @Test
    void days29And30() {
        assertThat(days(new Cadence.Monthly(30, 9, 15), "2027-01-01T00:00:00Z", 3))
                .containsExactly("2027-01-30T09:15", "2027-02-28T09:15", "2027-03-30T09:15");
        assertThat(days(new Cadence.Monthly(29, 9, 15), "2027-02-01T00:00:00Z", 2))
                .containsExactly("2027-02-28T09:15", "2027-03-29T09:15");
        assertThat(days(new Cadence.Monthly(29, 9, 15), "2028-02-01T00:00:00Z", 2))
                .containsExactly("2028-02-29T09:15", "2028-03-29T09:15");
    }

    @Test
    void plainDayAndLastDay() {
        assertThat(days(new Cadence.Monthly(15, 8, 0), "2027-01-20T00:00:00Z", 2))
                .containsExactly("2027-02-15T08:00", "2027-03-15T08:00");
        assertThat(days(Cadence.Monthly.lastDay(8, 0), "2028-01-31T12:00:00Z", 3))
                .containsExactly("2028-02-29T08:00", "2028-03-31T08:00", "2028-04-30T08:00");
    }

    @Test
    void previousFireOfAFallbackDay() {
        Cadence day31 = new Cadence.Monthly(31, 6, 0);
        assertThat(FireTimes.previousFireTime(day31, BERLIN, Instant.parse("2027-03-31T04:00:00Z")))
                .get()
                .extracting(f -> f.localTime().toLocalDateTime().toString())
                .isEqualTo("2027-02-28T06:00");
        assertThat(FireTimes.previousFireTime(day31, BERLIN, Instant.parse("2027-02-28T12:00:00Z")))
                .get()
                .extracting(f -> f.localTime().toLocalDateTime().toString())
                .isEqualTo("2027-02-28T06:00");
        assertThat(FireTimes.previousFireTime(day31, BERLIN, Instant.parse("2027-02-27T12:00:00Z")))
                .get()
                .extracting(f -> f.localTime().toLocalDateTime().toString())
                .isEqualTo("2027-01-31T06:00");
    }

    @Test
    void theEquivalentCronIsThePlainQuartzDay() {
        assertThat(new Cadence.Monthly(31, 6, 0).toCron()).isEqualTo("0 0 6 31 * ?");
        assertThat(Cadence.Monthly.lastDay(6, 0).toCron()).isEqualTo("0 0 6 L * ?");
    }
}
