package com.herald.scheduling;

import com.herald.reports.ReportFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schedule as read (product.md §1): what it sends, when, to whom, and the derived state of its runs.
 * {@code nextRunAt} is null when paused or ended.
 */
public record Schedule(
        UUID id,
        String name,
        String description,
        UUID teamId,
        String teamName,
        UUID ownerId,
        String ownerName,
        String reportType,
        String reportTypeName,
        Map<String, String> parameters,
        Cadence cadence,
        ZoneId timeZone,
        Instant startAt,
        Instant endAt,
        ScheduleStatus status,
        String pausedReason,
        List<UUID> listIds,
        List<String> emails,
        List<UUID> subscriberIds,
        List<ReportFormat> formats,
        String subject,
        boolean skipIfEmpty,
        int timeoutSeconds,
        int maxRetries,
        int retryBackoffSeconds,
        OverlapPolicy overlapPolicy,
        int catchupWindowMinutes,
        int flexibleWindowMinutes,
        int pauseAfterFailures,
        String externalId,
        String deduplicationKey,
        Instant nextRunAt,
        Instant lastRunAt,
        RunStatus lastRunStatus,
        String lastErrorMessage,
        Instant lastSucceededAt,
        int runCount,
        int consecutiveFailures,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Past its end: it will not fire again. */
    public boolean ended(Instant now) {
        return endAt != null && !endAt.isAfter(now);
    }

    /** The cadence in words with the zone: "Every Monday at 08:30, Europe/Berlin". */
    public String cadenceDescription() {
        return Cadences.describe(cadence, timeZone);
    }

    public boolean subscribed(UUID userId) {
        return subscriberIds.contains(userId);
    }
}
