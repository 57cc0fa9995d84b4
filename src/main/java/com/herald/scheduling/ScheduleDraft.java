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

    /** A copy of this draft to change a few fields of: {@code d.toBuilder().maxRetries(0).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.description = description;
        b.teamId = teamId;
        b.reportType = reportType;
        b.parameters = parameters;
        b.cadence = cadence;
        b.timeZone = timeZone;
        b.startAt = startAt;
        b.endAt = endAt;
        b.listIds = listIds;
        b.emails = emails;
        b.subscriberIds = subscriberIds;
        b.formats = formats;
        b.subject = subject;
        b.skipIfEmpty = skipIfEmpty;
        b.timeoutSeconds = timeoutSeconds;
        b.maxRetries = maxRetries;
        b.retryBackoffSeconds = retryBackoffSeconds;
        b.overlapPolicy = overlapPolicy;
        b.catchupWindowMinutes = catchupWindowMinutes;
        b.flexibleWindowMinutes = flexibleWindowMinutes;
        b.pauseAfterFailures = pauseAfterFailures;
        b.externalId = externalId;
        b.deduplicationKey = deduplicationKey;
        b.status = status;
        b.ownerId = ownerId;
        return b;
    }

    /** Builds a draft field by field; unset fields stay null (their defaults on create). */
    public static Builder builder() {
        return new Builder();
    }

    /** A mutable draft, for callers that change a few fields at a time. */
    public static final class Builder {
        private String name;
        private String description;
        private UUID teamId;
        private String reportType;
        private Map<String, String> parameters;
        private Cadence cadence;
        private String timeZone;
        private Instant startAt;
        private Instant endAt;
        private List<UUID> listIds;
        private List<String> emails;
        private List<UUID> subscriberIds;
        private List<ReportFormat> formats;
        private String subject;
        private Boolean skipIfEmpty;
        private Integer timeoutSeconds;
        private Integer maxRetries;
        private Integer retryBackoffSeconds;
        private OverlapPolicy overlapPolicy;
        private Integer catchupWindowMinutes;
        private Integer flexibleWindowMinutes;
        private Integer pauseAfterFailures;
        private String externalId;
        private String deduplicationKey;
        private ScheduleStatus status;
        private UUID ownerId;

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder teamId(UUID value) {
            this.teamId = value;
            return this;
        }

        public Builder reportType(String value) {
            this.reportType = value;
            return this;
        }

        public Builder parameters(Map<String, String> value) {
            this.parameters = value;
            return this;
        }

        public Builder cadence(Cadence value) {
            this.cadence = value;
            return this;
        }

        public Builder timeZone(String value) {
            this.timeZone = value;
            return this;
        }

        public Builder startAt(Instant value) {
            this.startAt = value;
            return this;
        }

        public Builder endAt(Instant value) {
            this.endAt = value;
            return this;
        }

        public Builder listIds(List<UUID> value) {
            this.listIds = value;
            return this;
        }

        public Builder emails(List<String> value) {
            this.emails = value;
            return this;
        }

        public Builder subscriberIds(List<UUID> value) {
            this.subscriberIds = value;
            return this;
        }

        public Builder formats(List<ReportFormat> value) {
            this.formats = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder skipIfEmpty(Boolean value) {
            this.skipIfEmpty = value;
            return this;
        }

        public Builder timeoutSeconds(Integer value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Builder maxRetries(Integer value) {
            this.maxRetries = value;
            return this;
        }

        public Builder retryBackoffSeconds(Integer value) {
            this.retryBackoffSeconds = value;
            return this;
        }

        public Builder overlapPolicy(OverlapPolicy value) {
            this.overlapPolicy = value;
            return this;
        }

        public Builder catchupWindowMinutes(Integer value) {
            this.catchupWindowMinutes = value;
            return this;
        }

        public Builder flexibleWindowMinutes(Integer value) {
            this.flexibleWindowMinutes = value;
            return this;
        }

        public Builder pauseAfterFailures(Integer value) {
            this.pauseAfterFailures = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        public Builder deduplicationKey(String value) {
            this.deduplicationKey = value;
            return this;
        }

        public Builder status(ScheduleStatus value) {
            this.status = value;
            return this;
        }

        public Builder ownerId(UUID value) {
            this.ownerId = value;
            return this;
        }

        public ScheduleDraft build() {
            return new ScheduleDraft(
                    name,
                    description,
                    teamId,
                    reportType,
                    parameters,
                    cadence,
                    timeZone,
                    startAt,
                    endAt,
                    listIds,
                    emails,
                    subscriberIds,
                    formats,
                    subject,
                    skipIfEmpty,
                    timeoutSeconds,
                    maxRetries,
                    retryBackoffSeconds,
                    overlapPolicy,
                    catchupWindowMinutes,
                    flexibleWindowMinutes,
                    pauseAfterFailures,
                    externalId,
                    deduplicationKey,
                    status,
                    ownerId);
        }
    }
}
