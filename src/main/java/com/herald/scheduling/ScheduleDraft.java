package com.herald.scheduling;

import com.herald.reports.ReportFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a user wants a schedule to be, from the portal form or an API body; both go through
 * {@link ScheduleManager}, so a rule holds in both. A null field takes its default on create (product.md §3:
 * zone of the owner, formats the report type's default, timeout 900 s, 3 retries, 60 s backoff, overlap skip,
 * catch-up 60 min, flexible 0, pause after 5). An update takes a whole draft: start from
 * {@link #of(Schedule)} and change what changes.
 */
public record ScheduleDraft(
        String name,
        String description,
        UUID teamId,
        String reportType,
        Map<String, String> parameters,
        Cadence cadence,
        String timeZone,
        Instant startAt,
        Instant endAt,
        List<UUID> listIds,
        List<String> emails,
        List<UUID> subscriberIds,
        List<ReportFormat> formats,
        String subject,
        Boolean skipIfEmpty,
        Integer timeoutSeconds,
        Integer maxRetries,
        Integer retryBackoffSeconds,
        OverlapPolicy overlapPolicy,
        Integer catchupWindowMinutes,
        Integer flexibleWindowMinutes,
        Integer pauseAfterFailures,
        String externalId,
        String deduplicationKey,
        ScheduleStatus status,
        UUID ownerId) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_EMAILS = 1000;
    public static final int MAX_EXTERNAL_ID = 200;
    public static final int DEFAULT_TIMEOUT_SECONDS = 900;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_RETRY_BACKOFF_SECONDS = 60;
    public static final int DEFAULT_CATCHUP_WINDOW_MINUTES = 60;
    public static final int DEFAULT_PAUSE_AFTER_FAILURES = 5;
    public static final String DEFAULT_SUBJECT = "{{report}} — {{period}}";

    /** The schedule as it is, ready to be changed field by field (PATCH, the edit form). */
    public static ScheduleDraft of(Schedule s) {
        return new ScheduleDraft(
                s.name(),
                s.description(),
                s.teamId(),
                s.reportType(),
                s.parameters(),
                s.cadence(),
                s.timeZone().getId(),
                s.startAt(),
                s.endAt(),
                s.listIds(),
                s.emails(),
                s.subscriberIds(),
                s.formats(),
                s.subject(),
                s.skipIfEmpty(),
                s.timeoutSeconds(),
                s.maxRetries(),
                s.retryBackoffSeconds(),
                s.overlapPolicy(),
                s.catchupWindowMinutes(),
                s.flexibleWindowMinutes(),
                s.pauseAfterFailures(),
                s.externalId(),
                s.deduplicationKey(),
                s.status(),
                s.ownerId());
    }
}
