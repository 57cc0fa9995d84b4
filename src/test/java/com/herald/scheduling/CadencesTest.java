package com.herald.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CadencesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static List<CadenceProblem> problems(Map<String, ?> fields) {
        try {
            Cadences.parse(fields);
        } catch (InvalidCadenceException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems for " + fields);
    }

    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void parsesEveryFrequency() {
        assertThat(Cadences.parse(fields("frequency", "hourly", "minute", 15))).isEqualTo(new Cadence.Hourly(15));
        assertThat(Cadences.parse(fields("frequency", "daily", "hour", 8, "minute", 30)))
                .isEqualTo(new Cadence.Daily(8, 30));
        assertThat(Cadences.parse(fields(
                        "frequency", "weekly", "days_of_week", List.of("thu", "MON", "MON"), "hour", 8, "minute", 30)))
                .isEqualTo(new Cadence.Weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 8, 30));
        assertThat(Cadences.parse(fields("frequency", "monthly", "day_of_month", "last", "hour", 6, "minute", 0)))
                .isEqualTo(Cadence.Monthly.lastDay(6, 0));
        assertThat(Cadences.parse(fields("frequency", "monthly", "day_of_month", 31L, "hour", 6, "minute", 0)))
                .isEqualTo(new Cadence.Monthly(31, 6, 0));
        assertThat(Cadences.parse(fields("frequency", "cron", "expression", "  0 15 10 ? *   mon-fri ")))
                .isEqualTo(new Cadence.Cron("0 15 10 ? * mon-fri"));
    }

    @Test
    void builderCadencesGiveTheirQuartzCronAndFields() {
        Cadence weekly = new Cadence.Weekly(List.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), 8, 30);
        assertThat(weekly.toCron()).isEqualTo("0 30 8 ? * MON,THU");
        assertThat(weekly.toFields())
                .containsExactly(
                        Map.entry("frequency", "weekly"),
                        Map.entry("days_of_week", List.of("MON", "THU")),
                        Map.entry("hour", 8),
                        Map.entry("minute", 30));
        assertThat(new Cadence.Hourly(15).toCron()).isEqualTo("0 15 * * * ?");
        assertThat(new Cadence.Daily(6, 5).toCron()).isEqualTo("0 5 6 * * ?");
        assertThat(Cadence.Monthly.lastDay(6, 0).toFields()).containsEntry("day_of_month", "last");
        assertThat(new Cadence.Cron("0 0 12 ? * mon").toCron()).isEqualTo("0 0 12 ? * MON");
    }

    @Test
    void fieldProblemsAreNamedOneByOne() {
        assertThat(problems(fields("frequency", "daily", "hour", 24, "minute", 60)))
                .containsExactly(
                        new CadenceProblem("cadence.hour", "must be between 0 and 23"),
                        new CadenceProblem("cadence.minute", "must be between 0 and 59"));
        assertThat(problems(fields("frequency", "hourly", "minute", -1)))
                .containsExactly(new CadenceProblem("cadence.minute", "must be between 0 and 59"));
        assertThat(problems(fields("frequency", "daily", "hour", "8", "minute", 1.5)))
                .containsExactly(
                        new CadenceProblem("cadence.hour", "must be an integer"),
                        new CadenceProblem("cadence.minute", "must be an integer"));
        assertThat(problems(
                        fields("frequency", "weekly", "days_of_week", List.of("MON", "XYZ"), "hour", 8, "minute", 0)))
                .containsExactly(new CadenceProblem(
                        "cadence.days_of_week", "must be a non-empty list of MON, TUE, WED, THU, FRI, SAT, SUN"));
        assertThat(problems(fields("frequency", "weekly", "days_of_week", List.of(), "hour", 8, "minute", 0)))
                .extracting(CadenceProblem::field)
                .containsExactly("cadence.days_of_week");
        assertThat(problems(fields("frequency", "monthly", "day_of_month", 32, "hour", 8, "minute", 0)))
                .containsExactly(new CadenceProblem("cadence.day_of_month", "must be between 1 and 31 or \"last\""));
        assertThat(problems(fields("frequency", "monthly", "day_of_month", "first", "hour", 8, "minute", 0)))
                .extracting(CadenceProblem::field)
                .containsExactly("cadence.day_of_month");
        assertThat(problems(fields("frequency", "daily", "minute", 0)))
                .containsExactly(new CadenceProblem("cadence.hour", "is required"));
    }

    @Test
    void frequencyUnknownAndUnusedFields() {
        assertThat(problems(fields())).containsExactly(new CadenceProblem("cadence.frequency", "is required"));
        assertThat(problems(fields("frequency", "yearly")))
                .containsExactly(
                        new CadenceProblem("cadence.frequency", "must be one of hourly, daily, weekly, monthly, cron"));
        assertThat(problems(
                        fields("frequency", "daily", "hour", 8, "minute", 0, "days_of_week", List.of("MON"), "tz", 1)))
                .containsExactly(
                        new CadenceProblem("cadence.days_of_week", "is not used by frequency daily"),
                        new CadenceProblem("cadence.tz", "unknown field"));
    }

    @Test
    void badCronExpressionsSayWhatIsWrong() {
        assertThat(problems(fields("frequency", "cron")))
                .containsExactly(new CadenceProblem("cadence.expression", "is required"));
        assertThat(problems(fields("frequency", "cron", "expression", "0 12 * * *")))
                .containsExactly(
                        new CadenceProblem(
                                "cadence.expression",
                                "must have 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found 5"));
        assertThat(problems(fields("frequency", "cron", "expression", "0 0 25 * * ?")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("25").contains("[0, 23]"));
        assertThat(problems(fields("frequency", "cron", "expression", "0 0 12 * * *")))
                .containsExactly(new CadenceProblem(
                        "cadence.expression", "exactly one of day-of-month and day-of-week must be '?' (Quartz)"));
        assertThat(problems(fields("frequency", "cron", "expression", "0 0 12 ? * FUNDAY")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not a valid Quartz cron expression"));
        assertThat(problems(fields("frequency", "cron", "expression", "0 0 12 31W * ?")))
                .containsExactly(new CadenceProblem(
                        "cadence.expression", "day-of-month 'W' (nearest weekday) is supported for days 1 to 28 only"));
        assertThatThrownBy(() -> new Cadence.Cron("nonsense")).isInstanceOf(InvalidCadenceException.class);
    }

    @Test
    void describesEveryCadence() {
        assertThat(Cadences.describe(new Cadence.Weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 8, 30), BERLIN))
                .isEqualTo("Every Monday and Thursday at 08:30, Europe/Berlin");
        assertThat(Cadences.describe(
                        new Cadence.Weekly(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), 17, 0)))
                .isEqualTo("Every Monday, Wednesday and Friday at 17:00");
        assertThat(Cadences.describe(new Cadence.Weekly(List.of(DayOfWeek.values()), 7, 0)))
                .isEqualTo("Every day at 07:00");
        assertThat(Cadences.describe(new Cadence.Hourly(15))).isEqualTo("Every hour at minute 15");
        assertThat(Cadences.describe(new Cadence.Daily(6, 5))).isEqualTo("Every day at 06:05");
        assertThat(Cadences.describe(Cadence.Monthly.lastDay(6, 0)))
                .isEqualTo("On the last day of every month at 06:00");
        assertThat(Cadences.describe(new Cadence.Monthly(15, 6, 0))).isEqualTo("On day 15 of every month at 06:00");
        assertThat(Cadences.describe(new Cadence.Monthly(31, 6, 0)))
                .isEqualTo("On day 31 of every month (the last day in shorter months) at 06:00");
        assertThat(Cadences.describe(new Cadence.Cron("0 15 10 ? * MON-FRI"), BERLIN))
                .isEqualTo("At 10:15 every day between Monday and Friday, Europe/Berlin");
        assertThat(Cadences.describe(new Cadence.Cron("0 15 10 ? * 6#3")))
                .isEqualTo("At 10:15 Friday 3 of every month");
    }

    @Test
    void startAndEndBoundTheFires() {
        Cadence daily = new Cadence.Daily(8, 0);
        Instant after = Instant.parse("2026-05-01T00:00:00Z");
        Instant start = Instant.parse("2026-05-10T06:00:00Z"); // 08:00 Berlin: inclusive
        Instant end = Instant.parse("2026-05-12T06:00:00Z");
        assertThat(FireTimes.next(daily, BERLIN, after, start, end, 10))
                .extracting(f -> f.instant().toString())
                .containsExactly("2026-05-10T06:00:00Z", "2026-05-11T06:00:00Z", "2026-05-12T06:00:00Z");
        assertThat(FireTimes.next(daily, BERLIN, after, start.plusSeconds(1), end.minusSeconds(1), 10))
                .extracting(f -> f.instant().toString())
                .containsExactly("2026-05-11T06:00:00Z");
        assertThat(FireTimes.next(daily, BERLIN, after, null, Instant.parse("2026-04-30T00:00:00Z"), 10))
                .isEmpty();
        assertThat(FireTimes.next(daily, BERLIN, Instant.parse("2026-05-20T00:00:00Z"), start, null, 2))
                .extracting(f -> f.instant().toString())
                .containsExactly("2026-05-20T06:00:00Z", "2026-05-21T06:00:00Z");
        assertThat(FireTimes.nextFireTime(daily, BERLIN, Instant.parse("2026-05-12T06:00:00Z"), null, null))
                .get()
                .extracting(f -> f.instant().toString())
                .isEqualTo("2026-05-13T06:00:00Z");
    }

    @Test
    void countIsBetweenOneAndFifty() {
        Cadence secondly = new Cadence.Cron("* * * * * ?");
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        assertThat(FireTimes.next(secondly, BERLIN, now, null, null, 50)).hasSize(50);
        assertThatThrownBy(() -> FireTimes.next(secondly, BERLIN, now, null, null, 51))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FireTimes.next(secondly, BERLIN, now, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void previousFireTimeGivesTheReportingPeriodStart() {
        Cadence daily = new Cadence.Daily(8, 0);
        assertThat(FireTimes.previousFireTime(daily, BERLIN, Instant.parse("2026-03-30T06:00:00Z")))
                .get()
                .extracting(f -> f.localTime().toOffsetDateTime().toString())
                .isEqualTo("2026-03-29T08:00+02:00");
        Cadence inGap = new Cadence.Daily(2, 30);
        assertThat(FireTimes.previousFireTime(inGap, BERLIN, Instant.parse("2026-03-30T00:30:00Z")))
                .get()
                .satisfies(f -> {
                    assertThat(f.localTime().toOffsetDateTime()).hasToString("2026-03-29T03:00+02:00");
                    assertThat(f.scheduledLocalTime()).isEqualTo(LocalDateTime.parse("2026-03-29T02:30"));
                    assertThat(f.dstShifted()).isTrue();
                });
        Cadence hourly = new Cadence.Cron("0 30 * * * ?");
        assertThat(FireTimes.previousFireTime(hourly, BERLIN, Instant.parse("2026-10-25T01:30:00Z")))
                .get()
                .extracting(f -> f.localTime().toOffsetDateTime().toString())
                .isEqualTo("2026-10-25T02:30+02:00");
        assertThat(FireTimes.previousFireTime(hourly, BERLIN, Instant.parse("2026-10-25T02:30:00Z")))
                .get()
                .extracting(f -> f.localTime().toOffsetDateTime() + (f.dstShifted() ? "*" : ""))
                .isEqualTo("2026-10-25T02:30+01:00*");
        assertThat(FireTimes.previousFireTime(
                        new Cadence.Cron("0 0 12 1 1 ? 2027"), BERLIN, Instant.parse("2026-06-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void minimumInterval() {
        LocalDateTime from = LocalDateTime.parse("2026-11-23T18:00");
        assertThat(FireTimes.minimumInterval(new Cadence.Hourly(5), from)).contains(Duration.ofHours(1));
        assertThat(FireTimes.minimumInterval(new Cadence.Daily(5, 0), from)).contains(Duration.ofDays(1));
        assertThat(FireTimes.minimumInterval(
                        new Cadence.Weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 8, 0), from))
                .contains(Duration.ofDays(3));
        assertThat(FireTimes.minimumInterval(
                        new Cadence.Weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), 8, 0), from))
                .contains(Duration.ofDays(2));
        assertThat(FireTimes.minimumInterval(new Cadence.Weekly(List.of(DayOfWeek.WEDNESDAY), 8, 0), from))
                .contains(Duration.ofDays(7));
        assertThat(FireTimes.minimumInterval(new Cadence.Cron("0 0 * * * ?"), from))
                .contains(Duration.ofHours(1));
        assertThat(FireTimes.minimumInterval(new Cadence.Cron("0 0/5 14 * * ?"), from))
                .contains(Duration.ofMinutes(5));
        assertThat(FireTimes.minimumInterval(new Cadence.Monthly(31, 6, 0), from))
                .contains(Duration.ofDays(28));
        assertThat(FireTimes.minimumInterval(new Cadence.Cron("0 0 12 1 1 ? 2027-2028"), from))
                .contains(Duration.ofDays(365));
        assertThat(FireTimes.minimumInterval(new Cadence.Cron("0 0 12 1 1 ? 2027"), from))
                .isEmpty();
        assertThat(FireTimes.firesMoreOftenThan(new Cadence.Hourly(0), Duration.ofDays(1)))
                .isTrue();
        assertThat(FireTimes.firesMoreOftenThan(new Cadence.Daily(8, 0), Duration.ofDays(1)))
                .isFalse();
        assertThat(FireTimes.firesMoreOftenThan(new Cadence.Cron("0 0 8,9 ? * MON"), Duration.ofHours(2)))
                .isTrue();
    }

    @Test
    void previewShowsBothZonesAndTheShift() {
        SchedulePreview.Preview preview = SchedulePreview.preview(
                new Cadence.Daily(2, 30),
                BERLIN,
                null,
                null,
                2,
                ZoneId.of("America/New_York"),
                Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(preview.description()).isEqualTo("Every day at 02:30, Europe/Berlin");
        assertThat(preview.fireTimes())
                .extracting(e -> e.instant() + " " + e.localTime() + " " + e.viewerLocalTime() + " " + e.dstShifted())
                .containsExactly(
                        "2026-03-29T01:00:00Z 2026-03-29T03:00+02:00 2026-03-28T21:00-04:00 true",
                        "2026-03-30T00:30:00Z 2026-03-30T02:30+02:00 2026-03-29T20:30-04:00 false");
    }
}
