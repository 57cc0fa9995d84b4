package com.herald.scheduling.internal;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.ScheduleDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the reliability tests (cluster, crash, SMTP outage) share. */
final class Reliability {

    private Reliability() {}

    /** A CSV schedule in UTC with the given recipients, retry policy and end; everything else the defaults. */
    static ScheduleDraft draft(
            UUID team,
            String reportType,
            Cadence cadence,
            Instant endAt,
            List<String> emails,
            Integer maxRetries,
            Integer retryBackoffSeconds) {
        return new ScheduleDraft(
                "Reliability " + UUID.randomUUID(),
                null,
                team,
                reportType,
                Map.of(),
                cadence,
                "UTC",
                null,
                endAt,
                List.of(),
                emails,
                List.of(),
                List.of(ReportFormat.CSV),
                "{{report}} for {{period}}",
                false,
                null,
                maxRetries,
                retryBackoffSeconds,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Milliseconds from {@code from} to the latest {@code sent_at} of the team's deliveries. */
    static long lastDeliveryMillisAfter(JdbcClient jdbc, UUID team, Instant from) {
        return jdbc.sql("""
                        SELECT TIMESTAMPDIFF(MICROSECOND, ?, MAX(d.sent_at)) DIV 1000
                        FROM deliveries d JOIN runs r ON r.id = d.run_id WHERE r.team_id = ?""").params(Db.utc(from), team).query(Long.class).single();
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String seconds(Duration duration) {
        return seconds(duration.toMillis());
    }

    /**
     * Which executions one db-scheduler instance ran, by task name and instance id, while switched on. Registered
     * with {@code Scheduler.registerSchedulerListener}, which cannot be undone: switch it off when done.
     */
    static final class ExecutionCounter extends AbstractSchedulerListener {

        private final Map<String, Set<String>> completed = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> started = new ConcurrentHashMap<>();
        private volatile boolean on = true;

        @Override
        public void onExecutionStart(CurrentlyExecuting execution) {
            if (on) {
                var instance = execution.getTaskInstance();
                started.computeIfAbsent(instance.getTaskName(), k -> ConcurrentHashMap.newKeySet())
                        .add(instance.getId());
            }
        }

        @Override
        public void onExecutionComplete(ExecutionComplete complete) {
            if (on) {
                var instance = complete.getExecution().taskInstance;
                completed
                        .computeIfAbsent(instance.getTaskName(), k -> ConcurrentHashMap.newKeySet())
                        .add(instance.getId());
            }
        }

        Set<String> completed(String task) {
            return completed.getOrDefault(task, Set.of());
        }

        Set<String> started(String task) {
            return started.getOrDefault(task, Set.of());
        }

        void off() {
            on = false;
        }
    }
}
