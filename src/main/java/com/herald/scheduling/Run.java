package com.herald.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One execution of a schedule (product.md §1), with its artifacts (one per format) and, when read singly,
 * its deliveries. {@code nextAttemptAt} is set while a retry waits.
 */
public record Run(
        UUID id,
        UUID scheduleId,
        String scheduleName,
        UUID teamId,
        Instant nominalTime,
        Instant startedAt,
        Instant finishedAt,
        RunTrigger trigger,
        int attempt,
        RunStatus status,
        Instant periodStart,
        Instant periodEnd,
        Long rowCount,
        List<RunArtifact> artifacts,
        String errorCategory,
        String errorMessage,
        UUID triggeredBy,
        String triggeredByName,
        Instant nextAttemptAt,
        DeliveryCounts deliveryCounts,
        List<Delivery> deliveries) {

    /** How many deliveries of the run are in each state. */
    public record DeliveryCounts(int total, int sent, int failed, int suppressed, int pending) {
        public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0);
    }

    /** Whether there are deliveries a retry would send. */
    public boolean retryable() {
        return status.isFinal() && deliveryCounts.failed() + deliveryCounts.pending() > 0;
    }
}
