package com.herald.scheduling;

import com.herald.identity.HeraldUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the dashboard shows of the schedules a user sees (product.md §6): the fires of the coming 24 hours, the
 * failures of the last 7 days, the paused schedules and 30 days of run counts. Every list is bounded; the counts
 * say how many there are in all. {@code teamId} narrows to one team (ignored when the user may not see it: the
 * answer is then empty).
 */
public interface DashboardStats {

    /** At most this many schedules are expanded into fires for the next 24 hours. */
    int MAX_UPCOMING_SCHEDULES = 200;

    /** At most this many fires are returned for the next 24 hours. */
    int MAX_UPCOMING = 500;

    /** At most this many failures and paused schedules are listed. */
    int MAX_LISTED = 10;

    /** Days of run counts. */
    int DAYS = 30;

    /** Days of failures. */
    int FAILURE_DAYS = 7;

    Overview overview(HeraldUser user, UUID teamId, ZoneId zone, Instant now);

    /** A fire of a schedule in the next 24 hours. */
    record Upcoming(UUID scheduleId, String scheduleName, String reportType, String reportTypeName, Instant at) {}

    /** A failed or timed-out run. */
    record Failure(
            UUID runId,
            UUID scheduleId,
            String scheduleName,
            boolean scheduleExists,
            Instant at,
            RunStatus status,
            String errorCategory,
            String errorMessage) {}

    /** A paused schedule: {@code automatic} when Herald paused it after failures ({@code reason} says why). */
    record Paused(
            UUID scheduleId,
            String name,
            String teamName,
            String ownerName,
            boolean automatic,
            String reason,
            Instant since,
            boolean canResume) {}

    /** Finished runs of one day in the user's zone: {@code succeeded} includes empty runs. */
    record Day(LocalDate date, int succeeded, int failed, int other) {

        public int total() {
            return succeeded + failed + other;
        }

        /** Succeeded out of succeeded plus failed, 0–100; null when neither happened. */
        public Integer successRate() {
            int decided = succeeded + failed;
            return decided == 0 ? null : (int) Math.round(100.0 * succeeded / decided);
        }
    }

    /** {@code anySchedules}: whether the user sees at least one schedule (in the team, when narrowed). */
    record Overview(
            boolean anySchedules,
            List<Upcoming> upcoming,
            boolean upcomingTruncated,
            List<Failure> failures,
            long failureCount,
            List<Paused> paused,
            long pausedCount,
            List<Day> days) {

        public int totalRuns() {
            return days.stream().mapToInt(Day::total).sum();
        }

        public int totalSucceeded() {
            return days.stream().mapToInt(Day::succeeded).sum();
        }

        public int totalFailed() {
            return days.stream().mapToInt(Day::failed).sum();
        }

        /** Over the whole period; null when no run succeeded or failed. */
        public Integer successRate() {
            int decided = totalSucceeded() + totalFailed();
            return decided == 0 ? null : (int) Math.round(100.0 * totalSucceeded() / decided);
        }
    }
}
