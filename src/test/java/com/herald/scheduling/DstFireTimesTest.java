package com.herald.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * DST semantics of product.md §3 in five zones, on the 2026 transitions. Each fire is written as its local time
 * with offset, and a {@code *} when it is DST-shifted.
 */
class DstFireTimesTest {

    static final Cadence HOURLY_AT_30 = new Cadence.Cron("0 30 * * * ?");
    static final Cadence EVERY_TWO_HOURS = new Cadence.Cron("0 0 */2 * * ?");
    static final Cadence ODD_HOURS = new Cadence.Cron("0 0 1/2 * * ?");

    static List<String> fires(Cadence cadence, String zone, String afterLocal, int count) {
        ZoneId zoneId = ZoneId.of(zone);
        Instant after = LocalDateTime.parse(afterLocal).atZone(zoneId).toInstant();
        return FireTimes.next(cadence, zoneId, after, null, null, count).stream()
                .map(f -> f.localTime().toOffsetDateTime() + (f.dstShifted() ? "*" : ""))
                .toList();
    }

    static void assertTransition(String zone, String transition) {
        ZoneOffsetTransition next = ZoneId.of(zone)
                .getRules()
                .nextTransition(Instant.parse(transition.substring(0, 10) + "T00:00:00Z")
                        .minusSeconds(3 * 86400));
        assertThat(next).hasToString(transition.substring(11));
    }

    @Nested
    class Berlin {
        static final String ZONE = "Europe/Berlin";

        @Test
        void jdkHasTheExpectedTransitions() {
            assertTransition(ZONE, "2026-03-29 Transition[Gap at 2026-03-29T02:00+01:00 to +02:00]");
            assertTransition(ZONE, "2026-10-25 Transition[Overlap at 2026-10-25T03:00+02:00 to +01:00]");
        }

        @Test
        void dailyTimeInTheGapFiresAtTheEndOfTheGap() {
            assertThat(fires(new Cadence.Daily(2, 30), ZONE, "2026-03-28T00:00", 3))
                    .containsExactly("2026-03-28T02:30+01:00", "2026-03-29T03:00+02:00*", "2026-03-30T02:30+02:00");
        }

        @Test
        void dailyTimeInTheOverlapFiresOnceAtItsFirstOccurrence() {
            assertThat(fires(new Cadence.Daily(2, 30), ZONE, "2026-10-24T00:00", 3))
                    .containsExactly("2026-10-24T02:30+02:00", "2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
        }

        @Test
        void hourlyCronFiresInBothOccurrencesOfTheOverlap() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-10-25T01:00", 4))
                    .containsExactly(
                            "2026-10-25T01:30+02:00",
                            "2026-10-25T02:30+02:00",
                            "2026-10-25T02:30+01:00*",
                            "2026-10-25T03:30+01:00");
        }

        @Test
        void hourlyCronInTheGapFiresOnceAtTheEndOfIt() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-03-29T01:00", 3))
                    .containsExactly("2026-03-29T01:30+01:00", "2026-03-29T03:00+02:00*", "2026-03-29T03:30+02:00");
        }

        @Test
        void everyTwoHoursFiresInBothOccurrencesAndAfterTheGap() {
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-10-24T23:00", 4))
                    .containsExactly(
                            "2026-10-25T00:00+02:00",
                            "2026-10-25T02:00+02:00",
                            "2026-10-25T02:00+01:00*",
                            "2026-10-25T04:00+01:00");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-03-28T23:00", 3))
                    .containsExactly("2026-03-29T00:00+01:00", "2026-03-29T03:00+02:00*", "2026-03-29T04:00+02:00");
        }

        @Test
        void aGapShiftThatLandsOnARealFireIsOneUnshiftedFire() {
            assertThat(fires(new Cadence.Hourly(0), ZONE, "2026-03-29T00:30", 3))
                    .containsExactly("2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00", "2026-03-29T04:00+02:00");
        }

        @Test
        void weeklyBuilderInTheOverlapIsNotHourly() {
            Cadence sundays = new Cadence.Weekly(List.of(java.time.DayOfWeek.SUNDAY), 2, 15);
            assertThat(fires(sundays, ZONE, "2026-10-24T00:00", 2))
                    .containsExactly("2026-10-25T02:15+02:00", "2026-11-01T02:15+01:00");
        }

        @Test
        void minuteStepsWithAFixedHourFireOnlyInTheFirstOccurrence() {
            assertThat(fires(new Cadence.Cron("0 0/20 2 * * ?"), ZONE, "2026-10-25T00:00", 4))
                    .containsExactly(
                            "2026-10-25T02:00+02:00",
                            "2026-10-25T02:20+02:00",
                            "2026-10-25T02:40+02:00",
                            "2026-10-26T02:00+01:00");
        }

        @Test
        void minuteStepsWithEveryHourFireInTheirOrderAcrossBothOccurrences() {
            assertThat(fires(new Cadence.Cron("0 0/20 * * * ?"), ZONE, "2026-10-25T01:50", 8))
                    .containsExactly(
                            "2026-10-25T02:00+02:00",
                            "2026-10-25T02:20+02:00",
                            "2026-10-25T02:40+02:00",
                            "2026-10-25T02:00+01:00*",
                            "2026-10-25T02:20+01:00*",
                            "2026-10-25T02:40+01:00*",
                            "2026-10-25T03:00+01:00",
                            "2026-10-25T03:20+01:00");
        }

        @Test
        void startingInsideTheSecondOccurrenceStillFindsItsFires() {
            ZoneId zone = ZoneId.of(ZONE);
            Instant insideSecond = Instant.parse("2026-10-25T01:10:00Z"); // 02:10+01:00
            assertThat(FireTimes.next(HOURLY_AT_30, zone, insideSecond, null, null, 2))
                    .extracting(f -> f.localTime().toOffsetDateTime().toString())
                    .containsExactly("2026-10-25T02:30+01:00", "2026-10-25T03:30+01:00");
        }
    }

    @Nested
    class NewYork {
        static final String ZONE = "America/New_York";

        @Test
        void jdkHasTheExpectedTransitions() {
            assertTransition(ZONE, "2026-03-08 Transition[Gap at 2026-03-08T02:00-05:00 to -04:00]");
            assertTransition(ZONE, "2026-11-01 Transition[Overlap at 2026-11-01T02:00-04:00 to -05:00]");
        }

        @Test
        void dailyTimeInTheGap() {
            assertThat(fires(new Cadence.Daily(2, 30), ZONE, "2026-03-07T12:00", 2))
                    .containsExactly("2026-03-08T03:00-04:00*", "2026-03-09T02:30-04:00");
        }

        @Test
        void dailyTimeInTheOverlap() {
            assertThat(fires(new Cadence.Daily(1, 30), ZONE, "2026-10-31T12:00", 2))
                    .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00");
        }

        @Test
        void hourlyCronInTheOverlap() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-11-01T00:00", 4))
                    .containsExactly(
                            "2026-11-01T00:30-04:00",
                            "2026-11-01T01:30-04:00",
                            "2026-11-01T01:30-05:00*",
                            "2026-11-01T02:30-05:00");
        }

        @Test
        void hourStepsInTheOverlapAndTheGap() {
            assertThat(fires(ODD_HOURS, ZONE, "2026-11-01T00:00", 3))
                    .containsExactly("2026-11-01T01:00-04:00", "2026-11-01T01:00-05:00*", "2026-11-01T03:00-05:00");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-11-01T00:30", 2))
                    .containsExactly("2026-11-01T02:00-05:00", "2026-11-01T04:00-05:00");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-03-07T23:00", 3))
                    .containsExactly("2026-03-08T00:00-05:00", "2026-03-08T03:00-04:00*", "2026-03-08T04:00-04:00");
        }
    }

    @Nested
    class LordHowe {
        static final String ZONE = "Australia/Lord_Howe";

        @Test
        void jdkHasTheExpectedThirtyMinuteTransitions() {
            assertTransition(ZONE, "2026-04-05 Transition[Overlap at 2026-04-05T02:00+11:00 to +10:30]");
            assertTransition(ZONE, "2026-10-04 Transition[Gap at 2026-10-04T02:00+10:30 to +11:00]");
        }

        @Test
        void dailyTimeInTheThirtyMinuteGap() {
            assertThat(fires(new Cadence.Daily(2, 15), ZONE, "2026-10-03T12:00", 2))
                    .containsExactly("2026-10-04T02:30+11:00*", "2026-10-05T02:15+11:00");
        }

        @Test
        void dailyTimeInTheThirtyMinuteOverlap() {
            assertThat(fires(new Cadence.Daily(1, 45), ZONE, "2026-04-04T12:00", 2))
                    .containsExactly("2026-04-05T01:45+11:00", "2026-04-06T01:45+10:30");
        }

        @Test
        void hourlyCronInTheOverlap() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-04-05T00:00", 4))
                    .containsExactly(
                            "2026-04-05T00:30+11:00",
                            "2026-04-05T01:30+11:00",
                            "2026-04-05T01:30+10:30*",
                            "2026-04-05T02:30+10:30");
        }

        @Test
        void everyTwoHoursDoesNotHitTheHalfHourOverlapButIsShiftedByTheGap() {
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-04-04T23:00", 2))
                    .containsExactly("2026-04-05T00:00+11:00", "2026-04-05T02:00+10:30");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-10-03T23:00", 3))
                    .containsExactly("2026-10-04T00:00+10:30", "2026-10-04T02:30+11:00*", "2026-10-04T04:00+11:00");
        }

        @Test
        void quarterHoursInsideTheGapCollapseIntoTheFirstRealTime() {
            assertThat(fires(new Cadence.Cron("0 0/15 * * * ?"), ZONE, "2026-10-04T01:40", 3))
                    .containsExactly("2026-10-04T01:45+10:30", "2026-10-04T02:30+11:00", "2026-10-04T02:45+11:00");
        }
    }

    @Nested
    class Cairo {
        static final String ZONE = "Africa/Cairo";

        @Test
        void jdkHasTheExpectedMidnightTransitions() {
            assertTransition(ZONE, "2026-04-24 Transition[Gap at 2026-04-24T00:00+02:00 to +03:00]");
            assertTransition(ZONE, "2026-10-30 Transition[Overlap at 2026-10-30T00:00+03:00 to +02:00]");
        }

        @Test
        void dailyAtHalfPastMidnightOnTheSpringDay() {
            assertThat(fires(new Cadence.Daily(0, 30), ZONE, "2026-04-23T12:00", 2))
                    .containsExactly("2026-04-24T01:00+03:00*", "2026-04-25T00:30+03:00");
        }

        @Test
        void dailyInTheOverlapBeforeMidnight() {
            assertThat(fires(new Cadence.Daily(23, 30), ZONE, "2026-10-29T12:00", 2))
                    .containsExactly("2026-10-29T23:30+03:00", "2026-10-30T23:30+02:00");
            assertThat(fires(new Cadence.Daily(0, 30), ZONE, "2026-10-29T12:00", 2))
                    .containsExactly("2026-10-30T00:30+02:00", "2026-10-31T00:30+02:00");
        }

        @Test
        void hourlyAndStepsInTheOverlap() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-10-29T22:00", 4))
                    .containsExactly(
                            "2026-10-29T22:30+03:00",
                            "2026-10-29T23:30+03:00",
                            "2026-10-29T23:30+02:00*",
                            "2026-10-30T00:30+02:00");
            assertThat(fires(ODD_HOURS, ZONE, "2026-10-29T22:00", 3))
                    .containsExactly("2026-10-29T23:00+03:00", "2026-10-29T23:00+02:00*", "2026-10-30T01:00+02:00");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-04-23T21:00", 3))
                    .containsExactly("2026-04-23T22:00+02:00", "2026-04-24T01:00+03:00*", "2026-04-24T02:00+03:00");
        }
    }

    @Nested
    class Santiago {
        static final String ZONE = "America/Santiago";

        @Test
        void jdkHasTheExpectedMidnightTransitions() {
            assertTransition(ZONE, "2026-04-05 Transition[Overlap at 2026-04-05T00:00-03:00 to -04:00]");
            assertTransition(ZONE, "2026-09-06 Transition[Gap at 2026-09-06T00:00-04:00 to -03:00]");
        }

        @Test
        void dailyAtHalfPastMidnightOnTheSpringDay() {
            assertThat(fires(new Cadence.Daily(0, 30), ZONE, "2026-09-05T12:00", 2))
                    .containsExactly("2026-09-06T01:00-03:00*", "2026-09-07T00:30-03:00");
        }

        @Test
        void dailyAroundTheAutumnMidnight() {
            assertThat(fires(new Cadence.Daily(0, 30), ZONE, "2026-04-04T12:00", 2))
                    .containsExactly("2026-04-05T00:30-04:00", "2026-04-06T00:30-04:00");
            assertThat(fires(new Cadence.Daily(23, 30), ZONE, "2026-04-04T12:00", 2))
                    .containsExactly("2026-04-04T23:30-03:00", "2026-04-05T23:30-04:00");
        }

        @Test
        void hourlyAndStepsInTheOverlap() {
            assertThat(fires(HOURLY_AT_30, ZONE, "2026-04-04T22:00", 4))
                    .containsExactly(
                            "2026-04-04T22:30-03:00",
                            "2026-04-04T23:30-03:00",
                            "2026-04-04T23:30-04:00*",
                            "2026-04-05T00:30-04:00");
            assertThat(fires(ODD_HOURS, ZONE, "2026-04-04T22:00", 3))
                    .containsExactly("2026-04-04T23:00-03:00", "2026-04-04T23:00-04:00*", "2026-04-05T01:00-04:00");
            assertThat(fires(EVERY_TWO_HOURS, ZONE, "2026-09-05T21:00", 3))
                    .containsExactly("2026-09-05T22:00-04:00", "2026-09-06T01:00-03:00*", "2026-09-06T02:00-03:00");
        }
    }
}
