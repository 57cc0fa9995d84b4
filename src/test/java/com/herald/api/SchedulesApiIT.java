package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schedules API of api.md against the real ScheduleManager, as editors, viewers and outsiders. */
@IntegrationTest
class SchedulesApiIT {

    static final String PATH = "/api/v1/schedules";
    static final String REPORT = "delivery_audit";
    static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    /** Every field of api.md's schedule object, and nothing else. */
    static final Set<String> SCHEDULE_FIELDS = Set.of(
            "object",
            "id",
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
            "paused_reason",
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

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    UUID team;
    HeraldUser editor;
    String editorKey;
    String editorReadKey;
    String viewerKey;
    HeraldUser otherEditor;
    String otherEditorKey;
    String outsiderKey;

    @BeforeEach
    void team() {
        team = users.createTeam();
        editor = users.createMember(team, TeamRole.EDITOR);
        jdbc.sql("UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = ?")
                .param(editor.id())
                .update();
        editorKey = users.createApiKey(editor, "read,write");
        editorReadKey = users.createApiKey(editor, "read");
        viewerKey = users.createApiKey(users.createMember(team, TeamRole.VIEWER), "read,write");
        otherEditor = users.createMember(team, TeamRole.EDITOR);
        otherEditorKey = users.createApiKey(otherEditor, "read,write");
        outsiderKey = users.createApiKey(users.createMember(users.createTeam(), TeamRole.TEAM_ADMIN), "read,write");
        jdbc.sql(
                        "INSERT INTO report_type_teams (report_type_id, team_id) SELECT id, ? FROM report_types WHERE type_key = ?")
                .params(team, REPORT)
                .update();
    }

    // --- helpers

    /** Every answer, success or error, carries the request id. */
    ResultActions call(String key, MockHttpServletRequestBuilder request) throws Exception {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return mvc.perform(request).andExpect(header().string("X-Correlation-ID", matchesPattern("[0-9a-f-]{36}")));
    }

    ResultActions send(String key, HttpMethod method, String path, String contentType, String body) throws Exception {
        return call(key, request(method, path).contentType(contentType).content(body));
    }

    ResultActions post(String key, String path, String body) throws Exception {
        return send(key, HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE, body);
    }

    ResultActions get(String key, String path) throws Exception {
        return call(key, request(HttpMethod.GET, path));
    }

    String minimal(String name) {
        return """
                {"name": "%s", "team_id": "%s", "report_type": "%s",
                 "cadence": {"frequency": "daily", "hour": 8, "minute": 0},
                 "recipients": {"emails": ["manager@example.com"]}}""".formatted(name, team, REPORT);
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    JsonNode create(String key, String body) throws Exception {
        return body(post(key, PATH, body).andExpect(status().isCreated()));
    }

    String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- create

    @Test
    void createAnswers201WithLocationEtagAndEveryDefault() throws Exception {
        MvcResult result = post(editorKey, PATH, minimal("Weekly summary"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.object").value("schedule"))
                .andExpect(jsonPath("$.name").value("Weekly summary"))
                .andExpect(jsonPath("$.description").value(nullValue()))
                .andExpect(jsonPath("$.team_id").value(team.toString()))
                .andExpect(jsonPath("$.owner_id").value(editor.id().toString()))
                .andExpect(jsonPath("$.report_type").value(REPORT))
                .andExpect(jsonPath("$.cadence.frequency").value("daily"))
                .andExpect(jsonPath("$.cadence.hour").value(8))
                .andExpect(jsonPath("$.cadence.minute").value(0))
                // the owner's zone
                .andExpect(jsonPath("$.time_zone").value("Europe/Berlin"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.paused_reason").value(nullValue()))
                .andExpect(jsonPath("$.recipients.list_ids", hasSize(0)))
                .andExpect(jsonPath("$.recipients.emails[0]").value("manager@example.com"))
                .andExpect(jsonPath("$.recipients.subscriber_ids", hasSize(0)))
                // the report type's default format, lower-case
                .andExpect(jsonPath("$.formats[0]").value("xlsx"))
                .andExpect(jsonPath("$.subject").value("{{report}} — {{period}}"))
                .andExpect(jsonPath("$.skip_if_empty").value(false))
                .andExpect(jsonPath("$.timeout_seconds").value(900))
                .andExpect(jsonPath("$.max_retries").value(3))
                .andExpect(jsonPath("$.retry_backoff_seconds").value(60))
                .andExpect(jsonPath("$.overlap_policy").value("skip"))
                .andExpect(jsonPath("$.catchup_window_minutes").value(60))
                .andExpect(jsonPath("$.flexible_window_minutes").value(0))
                .andExpect(jsonPath("$.pause_after_failures").value(5))
                .andExpect(jsonPath("$.external_id").value(nullValue()))
                .andExpect(jsonPath("$.next_run_at", matchesPattern(ISO_UTC)))
                .andExpect(jsonPath("$.last_run_at").value(nullValue()))
                .andExpect(jsonPath("$.run_count").value(0))
                .andExpect(jsonPath("$.consecutive_failures").value(0))
                .andExpect(jsonPath("$.created_at", matchesPattern(ISO_UTC)))
                .andExpect(jsonPath("$.updated_at", matchesPattern(ISO_UTC)))
                .andReturn();
        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        String id = body.get("id").asString();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo(PATH + "/" + id);
        assertThat(result.getResponse().getHeader("ETag"))
                .isEqualTo("\"" + body.get("version").asInt() + "\"");
        assertThat(new TreeSet<>(body.propertyNames())).isEqualTo(new TreeSet<>(SCHEDULE_FIELDS));
        assertThat(body.get("_links").get("self").get("href").asString()).isEqualTo(PATH + "/" + id);
        assertThat(body.get("_links").get("runs").get("href").asString()).isEqualTo(PATH + "/" + id + "/runs");
        // 08:00 in Berlin is 06:00 or 07:00 UTC
        assertThat(body.get("next_run_at").asString()).matches(".*T0[67]:00:00Z");
    }

    @Test
    void createTakesEveryWritableFieldAndIgnoresReadOnlyOnes() throws Exception {
        String bogusId = UUID.randomUUID().toString();
        JsonNode created = create(editorKey, """
                {"name": "Full", "description": "All fields", "team_id": "%s", "report_type": "%s",
                 "parameters": {}, "cadence": {"frequency": "weekly", "days_of_week": ["MON", "THU"], "hour": 7, "minute": 30},
                 "time_zone": "America/New_York", "start_at": "2030-01-01T00:00:00Z", "end_at": null,
                 "status": "paused", "recipients": {"emails": ["a@example.com", "b@example.com"]},
                 "formats": ["CSV", "pdf"], "subject": "Audit {{period}}", "skip_if_empty": true,
                 "timeout_seconds": 120, "max_retries": 0, "retry_backoff_seconds": 30, "overlap_policy": "queue",
                 "catchup_window_minutes": 0, "flexible_window_minutes": 10, "pause_after_failures": 2,
                 "external_id": "ext-%s",
                 "object": "nonsense", "id": "%s", "version": 99, "run_count": 7, "next_run_at": "2000-01-01T00:00:00Z",
                 "created_at": "yesterday", "_links": {"self": {"href": "/elsewhere"}}, "paused_reason": "because"}""".formatted(team, REPORT, UUID.randomUUID(), bogusId));
        assertThat(created.get("id").asString()).isNotEqualTo(bogusId);
        assertThat(created.get("object").asString()).isEqualTo("schedule");
        assertThat(created.get("run_count").asInt()).isZero();
        assertThat(created.get("version").asInt()).isNotEqualTo(99);
        assertThat(created.get("cadence").toString())
                .isEqualTo("{\"frequency\":\"weekly\",\"days_of_week\":[\"MON\",\"THU\"],\"hour\":7,\"minute\":30}");
        assertThat(created.get("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(created.get("start_at").asString()).startsWith("2030-01-01T00:00:00");
        assertThat(created.get("status").asString()).isEqualTo("paused");
        assertThat(created.get("formats").toString()).isEqualTo("[\"csv\",\"pdf\"]");
        assertThat(created.get("skip_if_empty").asBoolean()).isTrue();
        assertThat(created.get("timeout_seconds").asInt()).isEqualTo(120);
        assertThat(created.get("max_retries").asInt()).isZero();
        assertThat(created.get("overlap_policy").asString()).isEqualTo("queue");
        assertThat(created.get("flexible_window_minutes").asInt()).isEqualTo(10);
        assertThat(created.get("pause_after_failures").asInt()).isEqualTo(2);
        assertThat(created.get("_links").get("self").get("href").asString()).isNotEqualTo("/elsewhere");
    }

    @Test
    void unknownFieldsAreEachNamed() throws Exception {
        post(editorKey, PATH, """
                        {"name": "X", "team_id": "%s", "report_type": "%s", "colour": "blue",
                         "cadence": {"frequency": "daily", "hour": 8, "minute": 0, "second": 1},
                         "recipients": {"emails": ["a@example.com"], "phones": ["123"]}}""".formatted(team, REPORT))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field",
                        containsInAnyOrder("colour", "cadence.second", "recipients.phones")))
                .andExpect(jsonPath("$.error.details.errors[0].message").value("unknown field"));
    }

    @Test
    void wrongTypesAreEachNamed() throws Exception {
        post(editorKey, PATH, """
                        {"name": 5, "team_id": "not-a-uuid", "report_type": "%s",
                         "cadence": {"frequency": "daily", "hour": "eight", "minute": 0},
                         "recipients": {"emails": "a@example.com", "list_ids": ["nope"]},
                         "formats": ["doc"], "status": "sleeping", "skip_if_empty": "yes",
                         "timeout_seconds": "ten", "max_retries": 1.5, "overlap_policy": "maybe",
                         "start_at": "tomorrow", "parameters": {"region": ["EMEA"]}}""".formatted(REPORT))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field",
                        hasItems(
                                "name",
                                "team_id",
                                "cadence.hour",
                                "recipients.emails",
                                "recipients.list_ids",
                                "formats",
                                "status",
                                "skip_if_empty",
                                "timeout_seconds",
                                "max_retries",
                                "overlap_policy",
                                "start_at",
                                "parameters.region")))
                .andExpect(jsonPath("$.error.details.errors[?(@.field == 'cadence.hour')].message")
                        .value("must be an integer"))
                .andExpect(jsonPath("$.error.details.errors[?(@.field == 'timeout_seconds')].message")
                        .value("must be an integer"));
    }

    @Test
    void requiredFieldsAreEachNamed() throws Exception {
        post(editorKey, PATH, "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field",
                        hasItems("name", "team_id", "report_type", "cadence", "recipients")));
        post(editorKey, PATH, "[1, 2]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"));
        send(editorKey, HttpMethod.POST, PATH, MediaType.APPLICATION_JSON_VALUE, "{\"name\": ")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"));
    }

    @Test
    void anHourOutOfRangeIsNamedCadenceHour() throws Exception {
        post(editorKey, PATH, minimal("Bad hour").replace("\"hour\": 8", "\"hour\": 24"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("cadence.hour"))
                .andExpect(jsonPath("$.error.details.errors[0].message").value("must be between 0 and 23"));
        post(
                        editorKey,
                        PATH,
                        minimal("Bad cron")
                                .replace(
                                        "\"frequency\": \"daily\", \"hour\": 8, \"minute\": 0",
                                        "\"frequency\": \"cron\", \"expression\": \"0 0 25 * * ?\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("cadence.expression"));
    }

    @Test
    void rulesOfTheManagerAnswer422WithResolvedMessages() throws Exception {
        post(
                        editorKey,
                        PATH,
                        minimal("Injected")
                                .replace("\"recipients\"", "\"subject\": \"Hi\\r\\nBcc: x@evil.com\", \"recipients\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("subject")))
                // a message, not a message key
                .andExpect(jsonPath("$.error.details.errors[0].message", not(containsString("schedul"))));
        post(editorKey, PATH, minimal("Bad email").replace("manager@example.com", "not an address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field", containsString("recipients.emails")));
        post(
                        editorKey,
                        PATH,
                        minimal("Bad zone")
                                .replace("\"recipients\"", "\"time_zone\": \"Mars/Olympus\", \"recipients\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItem("time_zone")));
        // a type error and a rule problem in one answer
        post(
                        editorKey,
                        PATH,
                        minimal("Both")
                                .replace(
                                        "\"recipients\"",
                                        "\"skip_if_empty\": 1, \"time_zone\": \"Mars/Olympus\", \"recipients\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[*].field", hasItems("skip_if_empty", "time_zone")));
    }

    @Test
    void aDuplicateExternalIdInTheTeamIsAConflict() throws Exception {
        String external = "ext-" + UUID.randomUUID();
        String body =
                minimal("First").replace("\"recipients\"", "\"external_id\": \"" + external + "\", \"recipients\"");
        create(editorKey, body);
        post(editorKey, PATH, body.replace("First", "Second"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"))
                .andExpect(jsonPath("$.error.message", not(containsString("schedules."))));
    }

    // --- idempotency

    @Test
    void theSameIdempotencyKeyAnswersTheFirstScheduleWith200() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = minimal(unique("Idempotent"));
        JsonNode first = body(call(
                        editorKey,
                        request(HttpMethod.POST, PATH)
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isCreated()));
        call(
                        editorKey,
                        request(HttpMethod.POST, PATH)
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asString()));
        get(editorKey, PATH + "?team_id=" + team).andExpect(jsonPath("$.total").value(1));
        call(
                        editorKey,
                        request(HttpMethod.POST, PATH)
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body.replace("\"hour\": 8", "\"hour\": 9")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"));
        call(
                        editorKey,
                        request(HttpMethod.POST, PATH)
                                .header("Idempotency-Key", "x".repeat(201))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
    }

    @Test
    void theSameDeduplicationKeyAnswersTheFirstSchedule() throws Exception {
        String body = minimal(unique("Dedup"))
                .replace("\"recipients\"", "\"deduplication_key\": \"" + UUID.randomUUID() + "\", \"recipients\"");
        JsonNode first = create(editorKey, body);
        post(editorKey, PATH, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asString()));
        get(editorKey, PATH + "?team_id=" + team).andExpect(jsonPath("$.total").value(1));
    }

    // --- read and list

    @Test
    void getAnswersTheScheduleWithItsEtag() throws Exception {
        JsonNode created = create(editorKey, minimal("Readable"));
        String id = created.get("id").asString();
        get(viewerKey, PATH + "/" + id)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + created.get("version").asInt() + "\""))
                .andExpect(jsonPath("$.id").value(id));
        get(outsiderKey, PATH + "/" + id)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"));
        get(editorKey, PATH + "/" + UUID.randomUUID()).andExpect(status().isNotFound());
        get(editorKey, PATH + "/not-a-uuid")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
        get(null, PATH + "/" + id)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthorized"));
    }

    @Test
    void listFiltersByEveryParameter() throws Exception {
        String external = "ext-" + UUID.randomUUID();
        JsonNode alpha = create(
                editorKey,
                minimal("Alpha report")
                        .replace("\"recipients\"", "\"external_id\": \"" + external + "\", \"recipients\""));
        JsonNode beta = create(
                otherEditorKey,
                minimal("Beta report").replace("\"recipients\"", "\"status\": \"paused\", \"recipients\""));
        String teamFilter = PATH + "?team_id=" + team;
        get(viewerKey, teamFilter)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.limit").value(25))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.data[*].name", containsInAnyOrder("Alpha report", "Beta report")));
        get(viewerKey, teamFilter + "&q=alpha")
                .andExpect(jsonPath(
                        "$.data[*].id", containsInAnyOrder(alpha.get("id").asString())));
        get(viewerKey, teamFilter + "&status=paused")
                .andExpect(jsonPath(
                        "$.data[*].id", containsInAnyOrder(beta.get("id").asString())));
        get(viewerKey, teamFilter + "&owner_id=" + editor.id())
                .andExpect(jsonPath(
                        "$.data[*].id", containsInAnyOrder(alpha.get("id").asString())));
        get(viewerKey, PATH + "?external_id=" + external)
                .andExpect(jsonPath(
                        "$.data[*].id", containsInAnyOrder(alpha.get("id").asString())));
        get(viewerKey, teamFilter + "&report_type=" + REPORT)
                .andExpect(jsonPath("$.total").value(2));
        get(viewerKey, teamFilter + "&report_type=no_such_report")
                .andExpect(jsonPath("$.total").value(0));
        // the outsider sees none of them
        get(outsiderKey, teamFilter)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badFiltersAndPagingAre400() throws Exception {
        for (String query : List.of(
                "limit=0",
                "limit=201",
                "limit=abc",
                "offset=-1",
                "status=sleeping",
                "team_id=not-a-uuid",
                "owner_id=42",
                "q=" + "x".repeat(201))) {
            get(editorKey, PATH + "?" + query)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("validation_error"));
        }
    }

    @Test
    void pagingEdges() throws Exception {
        create(editorKey, minimal("Page one"));
        create(editorKey, minimal("Page two"));
        create(editorKey, minimal("Page three"));
        String teamFilter = PATH + "?team_id=" + team;
        get(editorKey, teamFilter + "&limit=200").andExpect(status().isOk()).andExpect(jsonPath("$.data", hasSize(3)));
        get(editorKey, teamFilter + "&limit=1&offset=1")
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.limit").value(1))
                .andExpect(jsonPath("$.offset").value(1));
        get(editorKey, teamFilter + "&offset=3")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(0)))
                .andExpect(jsonPath("$.total").value(3));
        // pages never overlap and together hold everything
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            seen.add(body(get(editorKey, teamFilter + "&limit=1&offset=" + offset))
                    .get("data")
                    .get(0)
                    .get("id")
                    .asString());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(3);
    }

    // --- patch

    @Test
    void mergePatchChangesOnlyWhatItNames() throws Exception {
        JsonNode created = create(
                editorKey, minimal("Patchable").replace("\"recipients\"", "\"description\": \"old\", \"recipients\""));
        String path = PATH + "/" + created.get("id").asString();
        int version = created.get("version").asInt();
        MvcResult result = send(editorKey, HttpMethod.PATCH, path, "application/merge-patch+json", """
                        {"name": "Patched", "cadence": {"hour": 9}, "recipients": {"emails": ["x@example.com"]},
                         "description": null, "version": 1, "run_count": 42}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Patched"))
                .andExpect(jsonPath("$.description").value(nullValue()))
                .andExpect(jsonPath("$.cadence.frequency").value("daily"))
                .andExpect(jsonPath("$.cadence.hour").value(9))
                .andExpect(jsonPath("$.cadence.minute").value(0))
                .andExpect(jsonPath("$.recipients.emails[0]").value("x@example.com"))
                .andExpect(jsonPath("$.run_count").value(0))
                .andExpect(jsonPath("$.time_zone").value("Europe/Berlin"))
                .andReturn();
        int newVersion = json.readTree(result.getResponse().getContentAsString())
                .get("version")
                .asInt();
        assertThat(newVersion).isGreaterThan(version);
        assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"" + newVersion + "\"");
        get(editorKey, path).andExpect(jsonPath("$.name").value("Patched"));
    }

    @Test
    void plainJsonPatchMeansMergePatch() throws Exception {
        JsonNode created = create(editorKey, minimal("Plain"));
        String path = PATH + "/" + created.get("id").asString();
        send(editorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, """
                        {"status": "paused", "parameters": {}, "formats": ["csv", "html"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("paused"))
                .andExpect(jsonPath("$.next_run_at").value(nullValue()))
                .andExpect(jsonPath("$.formats[*]", containsInAnyOrder("csv", "html")));
        send(editorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"status\": \"active\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.next_run_at", matchesPattern(ISO_UTC)));
    }

    @Test
    void mergePatchErrorsNameTheirFields() throws Exception {
        JsonNode created = create(editorKey, minimal("Patch errors"));
        String path = PATH + "/" + created.get("id").asString();
        send(editorKey, HttpMethod.PATCH, path, "application/merge-patch+json", """
                        {"colour": "red", "cadence": {"hour": 24}, "name": null, "recipients": {"emails": null}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("body_validation_error"))
                .andExpect(jsonPath(
                        "$.error.details.errors[*].field", hasItems("colour", "cadence.hour", "name", "recipients")));
        send(editorKey, HttpMethod.PATCH, path, "application/merge-patch+json", "[]")
                .andExpect(status().isUnprocessableContent());
        // switching frequency: merge patch keeps the members the new frequency does not use, unless nulled
        send(editorKey, HttpMethod.PATCH, path, "application/merge-patch+json", """
                        {"cadence": {"frequency": "hourly"}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("cadence.hour"));
        send(editorKey, HttpMethod.PATCH, path, "application/merge-patch+json", """
                        {"cadence": {"frequency": "hourly", "hour": null, "minute": 15}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cadence.frequency").value("hourly"))
                .andExpect(jsonPath("$.cadence.minute").value(15));
        send(editorKey, HttpMethod.PATCH, path, MediaType.TEXT_PLAIN_VALUE, "{}")
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void jsonPatchAppliesOperationsToTheResource() throws Exception {
        JsonNode created = create(editorKey, minimal("Json patch"));
        String path = PATH + "/" + created.get("id").asString();
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", """
                        [{"op": "test", "path": "/status", "value": "active"},
                         {"op": "replace", "path": "/status", "value": "paused"},
                         {"op": "add", "path": "/recipients/emails/-", "value": "second@example.com"},
                         {"op": "replace", "path": "/cadence/minute", "value": 45},
                         {"op": "remove", "path": "/description"}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("paused"))
                .andExpect(jsonPath(
                        "$.recipients.emails", containsInAnyOrder("manager@example.com", "second@example.com")))
                .andExpect(jsonPath("$.cadence.minute").value(45));
        // a failed test: the schedule is not in the state the client expected
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", """
                        [{"op": "test", "path": "/status", "value": "active"},
                         {"op": "replace", "path": "/name", "value": "Never"}]""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"));
        get(editorKey, path).andExpect(jsonPath("$.name").value("Json patch"));
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", """
                        [{"op": "replace", "path": "/no_such_field", "value": 1}]""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("patch[0].path"));
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", """
                        [{"op": "add", "path": "/colour", "value": "red"}]""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("colour"));
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", "{\"op\": \"add\"}")
                .andExpect(status().isUnprocessableContent());
        send(editorKey, HttpMethod.PATCH, path, "application/json-patch+json", """
                        [{"op": "replace", "path": "/cadence/hour", "value": 99}]""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("cadence.hour"));
    }

    @Test
    void onlyATeamAdminHandsAScheduleToAnotherEditor() throws Exception {
        String path =
                PATH + "/" + create(editorKey, minimal("Handed over")).get("id").asString();
        String handOver = "{\"owner_id\": \"" + otherEditor.id() + "\"}";
        send(editorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, handOver)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.details.errors[0].field").value("owner_id"));
        String adminKey = users.createApiKey(users.createMember(team, TeamRole.TEAM_ADMIN), "read,write");
        send(adminKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, handOver)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner_id").value(otherEditor.id().toString()));
        // now it is the other editor's, and no longer the first one's to change
        send(otherEditorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"description\": \"mine\"}")
                .andExpect(status().isOk());
        send(editorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"description\": \"back\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() throws Exception {
        JsonNode created = create(editorKey, minimal("Unchanged"));
        String path = PATH + "/" + created.get("id").asString();
        String etag = "\"" + created.get("version").asInt() + "\"";
        send(editorKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"name\": \"Unchanged\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", etag))
                .andExpect(jsonPath("$.version").value(created.get("version").asInt()));
    }

    @Test
    void ifMatchGuardsPatchAndDelete() throws Exception {
        JsonNode created = create(editorKey, minimal("Guarded"));
        String path = PATH + "/" + created.get("id").asString();
        String etag = "\"" + created.get("version").asInt() + "\"";
        MvcResult changed = call(
                        editorKey,
                        request(HttpMethod.PATCH, path)
                                .header("If-Match", etag)
                                .contentType("application/merge-patch+json")
                                .content("{\"name\": \"Guarded 2\"}"))
                .andExpect(status().isOk())
                .andReturn();
        String newEtag = changed.getResponse().getHeader("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        // the old ETag is stale now
        call(
                        editorKey,
                        request(HttpMethod.PATCH, path)
                                .header("If-Match", etag)
                                .contentType("application/merge-patch+json")
                                .content("{\"name\": \"Lost update\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.error.code").value("precondition_failed"));
        call(editorKey, request(HttpMethod.DELETE, path).header("If-Match", etag))
                .andExpect(status().isPreconditionFailed());
        get(editorKey, path).andExpect(jsonPath("$.name").value("Guarded 2"));
        // a weak copy of the current ETag, and a list containing it, match
        call(
                        editorKey,
                        request(HttpMethod.PATCH, path)
                                .header("If-Match", "\"999\", W/" + newEtag)
                                .contentType("application/merge-patch+json")
                                .content("{\"name\": \"Guarded 3\"}"))
                .andExpect(status().isOk());
        String current = get(editorKey, path).andReturn().getResponse().getHeader("ETag");
        call(editorKey, request(HttpMethod.DELETE, path).header("If-Match", current))
                .andExpect(status().isNoContent());
        get(editorKey, path).andExpect(status().isNotFound());
    }

    // --- delete, pause, resume

    @Test
    void deleteIsPermanent() throws Exception {
        String path =
                PATH + "/" + create(editorKey, minimal("Doomed")).get("id").asString();
        call(editorKey, request(HttpMethod.DELETE, path)).andExpect(status().isNoContent());
        get(editorKey, path).andExpect(status().isNotFound());
        call(editorKey, request(HttpMethod.DELETE, path)).andExpect(status().isNotFound());
    }

    @Test
    void pauseAndResumeAnswerTheSchedule() throws Exception {
        String path =
                PATH + "/" + create(editorKey, minimal("Pausable")).get("id").asString();
        call(editorKey, request(HttpMethod.POST, path + "/pause"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.object").value("schedule"))
                .andExpect(jsonPath("$.status").value("paused"));
        call(editorKey, request(HttpMethod.POST, path + "/resume"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.next_run_at", matchesPattern(ISO_UTC)));
    }

    // --- who may do what

    @Test
    void viewersAndOtherEditorsMayReadButNotChange() throws Exception {
        String path = PATH + "/" + create(editorKey, minimal("Mine")).get("id").asString();
        for (String key : List.of(viewerKey, otherEditorKey)) {
            send(key, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"name\": \"Theirs\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error.code").value("forbidden"));
            // the permission is told before anything about the body
            send(key, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"colour\": 1}")
                    .andExpect(status().isForbidden());
            call(key, request(HttpMethod.POST, path + "/pause")).andExpect(status().isForbidden());
            call(key, request(HttpMethod.POST, path + "/trigger")).andExpect(status().isForbidden());
            call(key, request(HttpMethod.DELETE, path)).andExpect(status().isForbidden());
            get(key, path).andExpect(status().isOk());
        }
        post(viewerKey, PATH, minimal("Viewer's")).andExpect(status().isForbidden());
        for (String action : List.of("/pause", "/resume", "/trigger")) {
            call(outsiderKey, request(HttpMethod.POST, path + action)).andExpect(status().isNotFound());
        }
        send(outsiderKey, HttpMethod.PATCH, path, MediaType.APPLICATION_JSON_VALUE, "{\"name\": \"x\"}")
                .andExpect(status().isNotFound());
        get(outsiderKey, path + "/runs").andExpect(status().isNotFound());
    }

    @Test
    void aReadOnlyKeyMayReadButNotWrite() throws Exception {
        String path =
                PATH + "/" + create(editorKey, minimal("Scoped")).get("id").asString();
        get(editorReadKey, path).andExpect(status().isOk());
        get(editorReadKey, path + "/runs").andExpect(status().isOk());
        for (MockHttpServletRequestBuilder write : List.of(
                request(HttpMethod.POST, PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(minimal("Read only")),
                request(HttpMethod.PATCH, path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"),
                request(HttpMethod.DELETE, path),
                request(HttpMethod.POST, path + "/pause"),
                request(HttpMethod.POST, path + "/resume"),
                request(HttpMethod.POST, path + "/trigger"),
                request(HttpMethod.POST, "/api/v1/runs/" + UUID.randomUUID() + "/retry"))) {
            call(editorReadKey, write)
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error.code").value("forbidden"));
        }
        get(editorKey, path).andExpect(jsonPath("$.status").value("active"));
    }
}
