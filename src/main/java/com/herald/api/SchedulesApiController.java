package com.herald.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.platform.ApiError;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunPage;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.SchedulePage;
import com.herald.scheduling.ScheduleQuery;
import com.herald.scheduling.ScheduleStatus;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schedules (api.md "Schedules"). A body is read field by field ({@link ApiBody}), so a wrong type, an unknown
 * field and a broken rule all answer 422 with every problem listed; the rules themselves are
 * {@link ScheduleManager}'s, the same as the portal's.
 *
 * <p>PATCH applies the patch to the schedule's JSON as GET shows it (plus the write-only
 * {@code deduplication_key}) and reads the result like a create body, so both patch formats mean exactly what
 * they say about the representation the client sees. Merge patch (RFC 7396) merges objects: changing
 * {@code cadence.frequency} from weekly to daily needs {@code "days_of_week": null} as well. A JSON Patch
 * (RFC 6902) whose {@code test} operation fails answers 409 conflict: the schedule is not in the state the
 * client expected, which is a state conflict rather than a bad body; a malformed operation or a path that does
 * not exist is a 422.
 *
 * <p>The ETag is the schedule's version, as a strong validator ({@code "3"}): If-Match needs strong
 * comparison. It changes with every save; the derived run fields ({@code next_run_at}, {@code run_count}, ...)
 * change under the same ETag, since they are not what a client edits. A weak {@code W/"3"} in If-Match is
 * accepted too, since proxies weaken ETags when they compress.
 */
@Tag(name = "Schedules", description = "Schedules: create, read, change, pause, trigger; their runs")
@RestController
@RequestMapping(SchedulesApiController.PATH)
class SchedulesApiController {

    static final String PATH = "/api/v1/schedules";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final int MAX_IDEMPOTENCY_KEY = 200;

    private static final Set<String> WRITABLE = Set.of(
            "name",
            "description",
            "team_id",
            "owner_id",
            "report_type",
            "parameters",
            "cadence",
            "time_zone",
            "start_at",
            "end_at",
            "status",
            "recipients",
            "formats",
            "subject",
            "skip_if_empty",
            "timeout_seconds",
            "max_retries",
            "retry_backoff_seconds",
            "overlap_policy",
            "catchup_window_minutes",
            "flexible_window_minutes",
            "pause_after_failures",
            "external_id",
            "deduplication_key");
    private static final Set<String> READ_ONLY = Set.of(
            "object",
            "id",
            "paused_reason",
            "next_run_at",
            "last_run_at",
            "last_run_status",
            "last_error_message",
            "last_succeeded_at",
            "run_count",
            "consecutive_failures",
            "created_at",
            "updated_at",
            "version",
            "_links");
    private static final Set<String> RECIPIENT_FIELDS = Set.of("list_ids", "emails", "subscriber_ids");

    record RecipientsResource(List<UUID> listIds, List<String> emails, List<UUID> subscriberIds) {}

    /** The schedule object of api.md, field for field. */
    record ScheduleResource(
            String object,
            UUID id,
            String name,
            String description,
            UUID teamId,
            UUID ownerId,
            String reportType,
            Map<String, String> parameters,
            Map<String, Object> cadence,
            String timeZone,
            Instant startAt,
            Instant endAt,
            String status,
            String pausedReason,
            RecipientsResource recipients,
            List<String> formats,
            String subject,
            boolean skipIfEmpty,
            int timeoutSeconds,
            int maxRetries,
            int retryBackoffSeconds,
            String overlapPolicy,
            int catchupWindowMinutes,
            int flexibleWindowMinutes,
            int pauseAfterFailures,
            String externalId,
            Instant nextRunAt,
            Instant lastRunAt,
            String lastRunStatus,
            String lastErrorMessage,
            Instant lastSucceededAt,
            int runCount,
            int consecutiveFailures,
            Instant createdAt,
            Instant updatedAt,
            int version,
            @JsonProperty("_links") Map<String, Map<String, String>> links) {

        static ScheduleResource of(Schedule s) {
            String self = PATH + "/" + s.id();
            return new ScheduleResource(
                    "schedule",
                    s.id(),
                    s.name(),
                    s.description(),
                    s.teamId(),
                    s.ownerId(),
                    s.reportType(),
                    s.parameters() == null ? Map.of() : s.parameters(),
                    s.cadence().toFields(),
                    s.timeZone().getId(),
                    s.startAt(),
                    s.endAt(),
                    s.status().wire(),
                    s.pausedReason(),
                    new RecipientsResource(orEmpty(s.listIds()), orEmpty(s.emails()), orEmpty(s.subscriberIds())),
                    orEmpty(s.formats()).stream().map(ReportFormat::wire).toList(),
                    s.subject(),
                    s.skipIfEmpty(),
                    s.timeoutSeconds(),
                    s.maxRetries(),
                    s.retryBackoffSeconds(),
                    s.overlapPolicy().wire(),
                    s.catchupWindowMinutes(),
                    s.flexibleWindowMinutes(),
                    s.pauseAfterFailures(),
                    s.externalId(),
                    s.nextRunAt(),
                    s.lastRunAt(),
                    s.lastRunStatus() == null ? null : s.lastRunStatus().wire(),
                    s.lastErrorMessage(),
                    s.lastSucceededAt(),
                    s.runCount(),
                    s.consecutiveFailures(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.version(),
                    Map.of("self", Map.of("href", self), "runs", Map.of("href", self + "/runs")));
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    private final ScheduleManager schedules;
    private final TeamAccess access;
    private final MessageSource messages;
    private final JsonMapper json;

    SchedulesApiController(ScheduleManager schedules, TeamAccess access, MessageSource messages, JsonMapper json) {
        this.schedules = schedules;
        this.access = access;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ApiList<ScheduleResource> list(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestParam(name = "team_id", required = false) UUID teamId,
            @RequestParam(name = "owner_id", required = false) UUID ownerId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "report_type", required = false) String reportType,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ApiList.checkPaging(limit, offset);
        ScheduleStatus wanted = null;
        if (status != null) {
            wanted = ScheduleStatus.fromWire(status)
                    .orElseThrow(() -> ApiException.badParameter("status must be active or paused"));
        }
        checkLength("report_type", reportType, ScheduleDraft.MAX_NAME);
        checkLength("external_id", externalId, ScheduleDraft.MAX_EXTERNAL_ID);
        checkLength("q", q, ScheduleDraft.MAX_NAME);
        ScheduleQuery query =
                new ScheduleQuery(teamId, ownerId, wanted, reportType, externalId, q, ScheduleQuery.Sort.NAME, false);
        SchedulePage page = schedules.search(caller, query, limit, offset);
        return ApiList.of(page.items().stream().map(ScheduleResource::of).toList(), page.total(), limit, offset);
    }

    /**
     * Create. The same {@code Idempotency-Key} (or {@code deduplication_key}) with the same body answers the
     * schedule the first request made, with 200 instead of 201; with another body it is a 409 (the manager
     * compares and keeps the keys, so this holds across instances).
     */
    @PostMapping
    ResponseEntity<ScheduleResource> create(
            @AuthenticationPrincipal HeraldUser caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiException.badParameter("Idempotency-Key must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        checkMayCreate(caller, body);
        ScheduleDraft draft = read(caller, body, null);
        ScheduleManager.Created created = schedules.create(caller, draft, idempotencyKey);
        Schedule schedule = created.schedule();
        URI location = URI.create(PATH + "/" + schedule.id());
        if (created.created()) {
            return ResponseEntity.created(location).eTag(etag(schedule)).body(ScheduleResource.of(schedule));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LOCATION, location.toString())
                .eTag(etag(schedule))
                .body(ScheduleResource.of(schedule));
    }

    /**
     * A viewer names a team they see but may not create in: 403, as for every other change they may not make
     * (the manager alone would call it an unknown team, which is right only for teams the caller cannot see).
     */
    private void checkMayCreate(HeraldUser caller, JsonNode body) {
        JsonNode team = body == null ? null : body.get("team_id");
        if (team == null || !team.isString()) {
            return;
        }
        UUID teamId;
        try {
            teamId = UUID.fromString(team.asString());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (access.canView(caller, teamId) && !access.canEdit(caller, teamId)) {
            throw ApiException.forbidden("You may see this team's schedules but not create them");
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<ScheduleResource> get(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        return withEtag(schedules.get(caller, id));
    }

    /** RFC 7396 merge patch; {@code application/json} means the same (api.md). */
    @PatchMapping(
            path = "/{id}",
            consumes = {MERGE_PATCH, "application/json"})
    ResponseEntity<ScheduleResource> mergePatch(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiBody.invalid(List.of(new ApiError.FieldError("", "must be a JSON object")));
        }
        return patch(caller, id, ifMatch, current -> JsonPatches.merge(current, patch));
    }

    /** RFC 6902 JSON Patch. */
    @PatchMapping(path = "/{id}", consumes = JSON_PATCH)
    ResponseEntity<ScheduleResource> jsonPatch(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch) {
        return patch(caller, id, ifMatch, current -> {
            try {
                return JsonPatches.apply(current, patch);
            } catch (JsonPatches.Failure e) {
                if (e.testFailed()) {
                    throw ApiException.conflict("The patch's test failed: " + e.getMessage());
                }
                throw ApiBody.invalid(List.of(new ApiError.FieldError(
                        e.field(), e.getMessage().substring(e.field().length()).strip())));
            }
        });
    }

    /** Any other body type; without this the /api/** fallback would answer 404. */
    @Hidden
    @PatchMapping("/{id}")
    ResponseEntity<ApiError> unsupportedPatch() {
        return ResponseEntity.status(415)
                .body(ApiError.of(
                        "unsupported_media_type",
                        "Send the patch as " + MERGE_PATCH + ", application/json or " + JSON_PATCH));
    }

    private ResponseEntity<ScheduleResource> patch(
            HeraldUser caller, UUID id, String ifMatch, UnaryOperator<JsonNode> patcher) {
        Schedule current = schedules.get(caller, id);
        checkIfMatch(ifMatch, current);
        // a viewer learns that they may not change it before anything about their body
        if (!schedules.canManage(caller, current)) {
            throw ApiException.forbidden(ApiExceptionHandler.FORBIDDEN_SCHEDULE);
        }
        JsonNode patched = patcher.apply(tree(current));
        ScheduleDraft draft = read(caller, patched, id);
        if (draft.equals(ScheduleDraft.of(current))) {
            // nothing changes: no new version, no audit entry
            return withEtag(current);
        }
        return withEtag(schedules.update(caller, id, draft, current.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Integer expected = null;
        if (ifMatch != null) {
            Schedule current = schedules.get(caller, id);
            checkIfMatch(ifMatch, current);
            expected = current.version();
        }
        schedules.delete(caller, id, expected);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<ScheduleResource> pause(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        return withEtag(schedules.pause(caller, id));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<ScheduleResource> resume(@AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        return withEtag(schedules.resume(caller, id));
    }

    /** Run now: the run is queued and works in the background, so 202 with where to follow it. */
    @PostMapping("/{id}/trigger")
    ResponseEntity<RunsApiController.RunResource> trigger(
            @AuthenticationPrincipal HeraldUser caller, @PathVariable UUID id) {
        Run run = schedules.trigger(caller, id);
        return ResponseEntity.accepted()
                .location(URI.create(RunsApiController.PATH + "/" + run.id()))
                .body(RunsApiController.RunResource.of(run));
    }

    @GetMapping("/{id}/runs")
    ApiList<RunsApiController.RunResource> runs(
            @AuthenticationPrincipal HeraldUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "25") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        ApiList.checkPaging(limit, offset);
        RunStatus wanted = null;
        if (status != null) {
            wanted = RunStatus.fromWire(status)
                    .orElseThrow(() -> ApiException.badParameter("status must be one of queued, running, "
                            + "succeeded, failed, skipped, missed, timed_out, empty"));
        }
        RunPage page = schedules.runs(caller, id, wanted, limit, offset);
        return ApiList.of(
                page.items().stream()
                        .map(r -> RunsApiController.RunResource.of(r, false))
                        .toList(),
                page.total(),
                limit,
                offset);
    }

    // --- reading a body

    /**
     * A draft from a create body or a patched schedule. Shape problems (types, unknown fields, required
     * fields) come with the rules the rest of the draft breaks, each field named once, so one answer lists
     * everything to fix.
     */
    private ScheduleDraft read(HeraldUser caller, JsonNode node, UUID scheduleId) {
        ApiBody body = ApiBody.of(node, WRITABLE, READ_ONLY);
        String name = body.string("name", true);
        String description = body.string("description", false);
        UUID teamId = required(body, "team_id", body.uuid("team_id"));
        UUID ownerId = body.uuid("owner_id");
        String reportType = body.string("report_type", true);
        Map<String, String> parameters = parameters(body);
        Cadence cadence = body.cadence("cadence", true);
        String timeZone = body.string("time_zone", false);
        Instant startAt = body.instant("start_at");
        Instant endAt = body.instant("end_at");
        ScheduleStatus status = choice(body, "status", ScheduleStatus::fromWire, "must be active or paused");
        List<UUID> listIds = null;
        List<String> emails = null;
        List<UUID> subscriberIds = null;
        ApiBody recipients = body.object("recipients", RECIPIENT_FIELDS, Set.of());
        if (recipients != null) {
            listIds = recipients.uuids("list_ids");
            emails = recipients.strings("emails", false);
            subscriberIds = recipients.uuids("subscriber_ids");
        }
        if (!body.named("recipients") && size(listIds) + size(emails) + size(subscriberIds) == 0) {
            body.error("recipients", "needs at least one of list_ids, emails, subscriber_ids");
        }
        List<ReportFormat> formats = formats(body);
        String subject = body.string("subject", false);
        Boolean skipIfEmpty = body.bool("skip_if_empty");
        Integer timeoutSeconds = body.integer("timeout_seconds");
        Integer maxRetries = body.integer("max_retries");
        Integer retryBackoffSeconds = body.integer("retry_backoff_seconds");
        OverlapPolicy overlapPolicy =
                choice(body, "overlap_policy", OverlapPolicy::fromWire, "must be one of skip, queue, allow");
        Integer catchupWindowMinutes = body.integer("catchup_window_minutes");
        Integer flexibleWindowMinutes = body.integer("flexible_window_minutes");
        Integer pauseAfterFailures = body.integer("pause_after_failures");
        String externalId = body.string("external_id", false);
        String deduplicationKey = body.string("deduplication_key", false);
        ScheduleDraft draft = new ScheduleDraft(
                name,
                description,
                teamId,
                reportType,
                parameters,
                cadence,
                timeZone,
                startAt,
                endAt,
                orEmpty(listIds),
                orEmpty(emails),
                orEmpty(subscriberIds),
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
        List<ApiError.FieldError> errors = body.errors();
        if (!errors.isEmpty()) {
            List<ApiError.FieldError> all = new ArrayList<>(errors);
            for (ApiError.FieldError rule :
                    ApiExceptionHandler.resolve(messages, schedules.check(caller, draft, scheduleId))) {
                if (!body.named(rule.field())) {
                    all.add(rule);
                }
            }
            throw ApiBody.invalid(all);
        }
        return draft;
    }

    private static <T> T required(ApiBody body, String field, T value) {
        if (value == null && !body.named(field)) {
            body.error(field, "is required");
        }
        return value;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T choice(ApiBody body, String field, Function<String, Optional<T>> parse, String message) {
        String value = body.string(field, false);
        if (value == null) {
            return null;
        }
        T parsed = parse.apply(value).orElse(null);
        if (parsed == null) {
            body.error(field, message);
        }
        return parsed;
    }

    /** Parameter values as text; a number or a boolean is taken as written ({@code 10}, {@code true}). */
    private static Map<String, String> parameters(ApiBody body) {
        JsonNode node = body.node("parameters");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            body.error("parameters", "must be an object of parameter names and values");
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isString()) {
                values.put(entry.getKey(), value.asString());
            } else if (value.isNumber() || value.isBoolean()) {
                values.put(entry.getKey(), value.asString());
            } else if (!value.isNull()) {
                body.error("parameters." + entry.getKey(), "must be a string, a number or true/false");
            }
        }
        return values;
    }

    private static List<ReportFormat> formats(ApiBody body) {
        List<String> names = body.strings("formats", false);
        if (names == null) {
            return null;
        }
        List<ReportFormat> formats = new ArrayList<>();
        for (String name : names) {
            ReportFormat format = ReportFormat.fromWire(name).orElse(null);
            if (format == null) {
                body.error("formats", "must be a list of csv, xlsx, pdf, html");
                return null;
            }
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return formats;
    }

    /** The schedule as GET shows it, plus what only a body writes, for a patch to apply to. */
    private JsonNode tree(Schedule schedule) {
        ObjectNode node = json.valueToTree(ScheduleResource.of(schedule));
        if (schedule.deduplicationKey() != null) {
            node.put("deduplication_key", schedule.deduplicationKey());
        }
        return node;
    }

    // --- ETag and If-Match

    static String etag(Schedule schedule) {
        return "\"" + schedule.version() + "\"";
    }

    private static ResponseEntity<ScheduleResource> withEtag(Schedule schedule) {
        return ResponseEntity.ok().eTag(etag(schedule)).body(ScheduleResource.of(schedule));
    }

    /** If-Match: {@code *}, or a list of ETags one of which is the current one; otherwise 412. */
    private static void checkIfMatch(String ifMatch, Schedule current) {
        if (ifMatch == null) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals(etag(current))) {
                return;
            }
        }
        throw new ApiException(
                412,
                "precondition_failed",
                "If-Match does not match the current ETag " + etag(current) + "; read the schedule again");
    }

    private static void checkLength(String parameter, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badParameter(parameter + " has at most " + max + " characters");
        }
    }
}
