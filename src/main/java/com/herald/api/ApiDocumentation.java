package com.herald.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request bodies of api.md as records, for the OpenAPI document only: the controllers read bodies field by
 * field ({@link ApiBody}) so that every problem is named, which leaves springdoc nothing to describe. Field
 * names become snake_case like every other schema ({@link OpenApiConfig}).
 */
final class ApiDocumentation {

    private ApiDocumentation() {}

    @Schema(
            name = "CadenceInput",
            description = "hourly (minute), daily (hour, minute), weekly (days_of_week, hour, minute), monthly"
                    + " (day_of_month 1-31 or \"last\", hour, minute) or cron (expression, Quartz syntax)")
    record CadenceInput(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"hourly", "daily", "weekly", "monthly", "cron"})
            String frequency,

            @Schema(minimum = "0", maximum = "59") Integer minute,
            @Schema(minimum = "0", maximum = "23") Integer hour,

            @Schema(description = "weekly only", example = "[\"MON\", \"FRI\"]")
            List<String> daysOfWeek,

            @Schema(description = "monthly only: 1-31 or \"last\"", example = "1")
            String dayOfMonth,

            @Schema(description = "cron only: a Quartz expression", example = "0 0 8 ? * MON-FRI")
            String expression) {}

    @Schema(name = "RecipientsInput", description = "at least one list, address or subscriber")
    record RecipientsInput(List<UUID> listIds, List<String> emails, List<UUID> subscriberIds) {}

    @Schema(
            name = "ScheduleInput",
            description = "Create: name, team_id, report_type, cadence and at least one recipient are required;"
                    + " time_zone defaults to the owner's. Read-only fields of the schedule object are ignored,"
                    + " unknown fields are a body_validation_error.")
    record ScheduleInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
            String name,

            String description,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID teamId,

            @Schema(description = "defaults to the caller") UUID ownerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "daily_sales_by_region")
            String reportType,

            @Schema(description = "the report type's parameters; relative dates such as start_of_week-1w")
            Map<String, String> parameters,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            CadenceInput cadence,

            @Schema(example = "Europe/Berlin") String timeZone,
            Instant startAt,
            Instant endAt,
            @Schema(allowableValues = {"active", "paused"}) String status,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            RecipientsInput recipients,

            @Schema(description = "csv, xlsx, pdf, html", example = "[\"xlsx\"]")
            List<String> formats,

            @Schema(description = "placeholders {{report}}, {{period}}, {{schedule}}, {{date}}; no line breaks")
            String subject,

            Boolean skipIfEmpty,
            Integer timeoutSeconds,
            Integer maxRetries,
            Integer retryBackoffSeconds,

            @Schema(allowableValues = {"skip", "queue", "allow"})
            String overlapPolicy,

            Integer catchupWindowMinutes,
            Integer flexibleWindowMinutes,
            Integer pauseAfterFailures,

            @Schema(description = "the client's own id; unique per team")
            String externalId,

            @Schema(
                    description = "write-only: the same key again answers the first result (200)"
                            + " instead of creating a duplicate, like the Idempotency-Key header")
            String deduplicationKey) {}

    @Schema(name = "JsonPatchOperation", description = "one operation of an RFC 6902 JSON Patch")
    record JsonPatchOperation(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"add", "remove", "replace", "move", "copy", "test"})
            String op,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "/status")
            String path,

            String from,
            Object value) {}

    @Schema(name = "SchedulePreviewInput")
    record SchedulePreviewInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            CadenceInput cadence,

            @Schema(description = "defaults to the caller's", example = "Europe/Berlin")
            String timeZone,

            Instant startAt,
            Instant endAt,

            @Schema(minimum = "1", maximum = "50", defaultValue = "10")
            Integer count) {}

    @Schema(name = "RecipientInput")
    record MemberInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ana@example.com")
            String email,

            @Schema(example = "Ana Lima") String name) {}

    @Schema(
            name = "RecipientListInput",
            description = "Create: team_id and name are required. PATCH changes the fields it sends; members, when"
                    + " sent, replace the list's members.")
    record RecipientListInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID teamId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            String description,
            List<MemberInput> members) {}

    @Schema(name = "TeamInput")
    record TeamInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name) {}

    @Schema(name = "MembershipInput")
    record MembershipInput(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"VIEWER", "EDITOR", "TEAM_ADMIN"})
            String role) {}

    @Schema(
            name = "UserInput",
            description = "Create: email, name and either password or \"invite\": true. PATCH: name, system_admin,"
                    + " enabled, time_zone, locale")
    record UserInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(description = "12 to 128 characters", writeOnly = true)
            String password,

            @Schema(description = "send an invitation email with an expiring link instead of a password")
            Boolean invite,

            Boolean systemAdmin,
            @Schema(description = "PATCH only") Boolean enabled,
            @Schema(example = "Europe/Berlin") String timeZone,
            @Schema(example = "en") String locale) {}

    @Schema(name = "ApiKeyInput")
    record ApiKeyInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(example = "[\"read\", \"write\"]") List<String> scopes,

            @Schema(description = "system admins: create the key for another user (service accounts)")
            UUID userId) {}
}
