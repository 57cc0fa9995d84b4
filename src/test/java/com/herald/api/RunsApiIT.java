package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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

/** Run now, the runs of a schedule, one run with its deliveries, its artifact, and retry. */
@IntegrationTest
class RunsApiIT {

    static final String REPORT = "delivery_audit";
    static final List<String> FINAL = List.of("succeeded", "failed", "skipped", "missed", "timed_out", "empty");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    UUID team;
    String editorKey;
    String viewerKey;
    String outsiderKey;

    @BeforeEach
    void team() {
        team = users.createTeam();
        HeraldUser editor = users.createMember(team, TeamRole.EDITOR);
        editorKey = users.createApiKey(editor, "read,write");
        viewerKey = users.createApiKey(users.createMember(team, TeamRole.VIEWER), "read");
        outsiderKey = users.createApiKey(users.createMember(users.createTeam(), TeamRole.TEAM_ADMIN), "read,write");
        jdbc.sql(
                        "INSERT INTO report_type_teams (report_type_id, team_id) SELECT id, ? FROM report_types WHERE type_key = ?")
                .params(team, REPORT)
                .update();
    }

    ResultActions call(String key, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + key))
                .andExpect(header().string("X-Correlation-ID", matchesPattern("[0-9a-f-]{36}")));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String schedule(String formats) throws Exception {
        return body(call(
                                editorKey,
                                request(HttpMethod.POST, "/api/v1/schedules")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("""
                                        {"name": "Runs %s", "team_id": "%s", "report_type": "%s", "formats": %s,
                                         "cadence": {"frequency": "daily", "hour": 8, "minute": 0},
                                         "recipients": {"emails": ["first@example.com", "second@example.com"]}}""".formatted(UUID.randomUUID(), team, REPORT, formats)))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
    }

    JsonNode trigger(String scheduleId) throws Exception {
        MvcResult result = call(editorKey, request(HttpMethod.POST, "/api/v1/schedules/" + scheduleId + "/trigger"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.object").value("run"))
                .andExpect(jsonPath("$.schedule_id").value(scheduleId))
                .andExpect(jsonPath("$.trigger").value("manual"))
                .andReturn();
        JsonNode run = json.readTree(result.getResponse().getContentAsString());
        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("/api/v1/runs/" + run.get("id").asString());
        return run;
    }

    JsonNode finished(String runId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> body(call(viewerKey, request(HttpMethod.GET, "/api/v1/runs/" + runId))
                                .andExpect(status().isOk())),
                        run -> FINAL.contains(run.get("status").asString()));
    }

    @Test
    void triggerRunsNowAndTheRunShowsItsDeliveriesAndArtifact() throws Exception {
        String scheduleId = schedule("[\"csv\", \"xlsx\"]");
        String runId = trigger(scheduleId).get("id").asString();
        JsonNode run = finished(runId);
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("attempt").asInt()).isEqualTo(1);
        assertThat(run.get("nominal_time").asString()).endsWith("Z");
        assertThat(run.get("period_start").asString()).endsWith("Z");
        assertThat(run.get("row_count").isIntegralNumber()).isTrue();
        assertThat(run.get("error").isNull()).isTrue();
        assertThat(run.get("artifact").get("format").asString()).isIn("csv", "xlsx");
        assertThat(run.get("artifacts")).hasSize(2);
        assertThat(run.get("deliveries")).hasSize(2);
        JsonNode delivery = run.get("deliveries").get(0);
        assertThat(delivery.propertyNames())
                .containsExactlyInAnyOrder("email", "status", "attempts", "sent_at", "message_id", "error");
        assertThat(delivery.get("status").asString()).isEqualTo("sent");

        for (JsonNode artifact : run.get("artifacts")) {
            String format = artifact.get("format").asString();
            MvcResult file = call(
                            viewerKey,
                            request(HttpMethod.GET, "/api/v1/runs/" + runId + "/artifact")
                                    .param("format", format))
                    .andExpect(status().isOk())
                    .andReturn();
            byte[] bytes = file.getResponse().getContentAsByteArray();
            assertThat(bytes).hasSize(artifact.get("size_bytes").asInt());
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(artifact.get("sha256").asString());
            assertThat(file.getResponse().getContentType())
                    .startsWith(format.equals("csv") ? "text/csv" : "application/vnd.openxml");
            assertThat(file.getResponse().getHeader("Content-Disposition"))
                    .startsWith("attachment;")
                    .contains(artifact.get("file_name").asString());
        }
        // without format: the first one
        call(viewerKey, request(HttpMethod.GET, "/api/v1/runs/" + runId + "/artifact"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString(
                                        run.get("artifact").get("file_name").asString())));
        call(
                        viewerKey,
                        request(HttpMethod.GET, "/api/v1/runs/" + runId + "/artifact")
                                .param("format", "pdf"))
                .andExpect(status().isNotFound());
        call(
                        viewerKey,
                        request(HttpMethod.GET, "/api/v1/runs/" + runId + "/artifact")
                                .param("format", "doc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("validation_error"));
        call(outsiderKey, request(HttpMethod.GET, "/api/v1/runs/" + runId + "/artifact"))
                .andExpect(status().isNotFound());
        call(outsiderKey, request(HttpMethod.GET, "/api/v1/runs/" + runId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("not_found"));
    }

    @Test
    void runsOfAScheduleComeNewestFirstAndFilterByStatus() throws Exception {
        String scheduleId = schedule("[\"csv\"]");
        String first = trigger(scheduleId).get("id").asString();
        finished(first);
        String second = trigger(scheduleId).get("id").asString();
        finished(second);
        String runs = "/api/v1/schedules/" + scheduleId + "/runs";
        call(viewerKey, request(HttpMethod.GET, runs))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object").value("list"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.data[0].id").value(second))
                .andExpect(jsonPath("$.data[1].id").value(first))
                .andExpect(jsonPath("$.data[0].deliveries").doesNotExist());
        call(viewerKey, request(HttpMethod.GET, runs).param("status", "succeeded"))
                .andExpect(jsonPath("$.total").value(2));
        call(viewerKey, request(HttpMethod.GET, runs).param("status", "failed"))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.data", hasSize(0)));
        call(viewerKey, request(HttpMethod.GET, runs).param("limit", "1").param("offset", "1"))
                .andExpect(jsonPath("$.data[0].id").value(first));
        for (String[] bad : List.of(
                new String[] {"status", "asleep"}, new String[] {"limit", "0"}, new String[] {"offset", "-1"})) {
            call(viewerKey, request(HttpMethod.GET, runs).param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("validation_error"));
        }
    }

    @Test
    void retryOfARunWithEverythingDeliveredIsAConflict() throws Exception {
        String runId = trigger(schedule("[\"csv\"]")).get("id").asString();
        finished(runId);
        call(editorKey, request(HttpMethod.POST, "/api/v1/runs/" + runId + "/retry"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("conflict"))
                .andExpect(jsonPath("$.error.message")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("schedul"))));
        call(outsiderKey, request(HttpMethod.POST, "/api/v1/runs/" + runId + "/retry"))
                .andExpect(status().isNotFound());
        call(editorKey, request(HttpMethod.POST, "/api/v1/runs/" + UUID.randomUUID() + "/retry"))
                .andExpect(status().isNotFound());
    }

    @Test
    void retrySendsToTheRecipientsNotYetDelivered() throws Exception {
        String runId = trigger(schedule("[\"csv\"]")).get("id").asString();
        finished(runId);
        // one delivery failed (as an SMTP outage would leave it)
        int failed = jdbc.sql("UPDATE deliveries SET status = 'FAILED', sent_at = NULL WHERE run_id = ? AND email = ?")
                .params(UUID.fromString(runId), "second@example.com")
                .update();
        assertThat(failed).isEqualTo(1);
        call(editorKey, request(HttpMethod.POST, "/api/v1/runs/" + runId + "/retry"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.object").value("run"))
                .andExpect(jsonPath("$.id").value(runId));
        JsonNode run = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> body(call(viewerKey, request(HttpMethod.GET, "/api/v1/runs/" + runId))),
                        r -> r.get("attempt").asInt() == 2
                                && FINAL.contains(r.get("status").asString()));
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        for (JsonNode delivery : run.get("deliveries")) {
            assertThat(delivery.get("status").asString()).isEqualTo("sent");
        }
    }

    @Test
    void aViewerMaySeeRunsButNotTriggerOrRetry() throws Exception {
        String scheduleId = schedule("[\"csv\"]");
        String viewerWriteKey = users.createApiKey(users.createMember(team, TeamRole.VIEWER), "read,write");
        call(viewerWriteKey, request(HttpMethod.POST, "/api/v1/schedules/" + scheduleId + "/trigger"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("forbidden"));
        String runId = trigger(scheduleId).get("id").asString();
        finished(runId);
        call(viewerWriteKey, request(HttpMethod.POST, "/api/v1/runs/" + runId + "/retry"))
                .andExpect(status().isForbidden());
        call(viewerWriteKey, request(HttpMethod.GET, "/api/v1/runs/" + runId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.error").value(nullValue()));
    }
}
