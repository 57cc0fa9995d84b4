package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against api.md (a copy in src/test/resources, kept in step with shared/api.md): every
 * endpoint api.md names is in the document, the schedule schema has api.md's field names, and the document and
 * Swagger UI are served to anonymous callers with a CSP that still forbids inline script.
 */
@IntegrationTest
class OpenApiContractIT {

    private static final Pattern TABLE_ROW =
            Pattern.compile("^\\| `((?:GET|POST|PUT|PATCH|DELETE)) (/[^`]*)`(?:, `(/[^`]*)`)?", Pattern.MULTILINE);
    private static final Pattern ENDPOINT = Pattern.compile("`((?:GET|POST|PUT|PATCH|DELETE)(?:\\|[A-Z]+)*) (/[^`]*)`");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    String apiMd;
    JsonNode document;

    @BeforeEach
    void load() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/api.md")) {
            apiMd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        document = json.readTree(body);
    }

    /** "METHOD /path" of every endpoint api.md names, its parameters written as {}. */
    static Set<String> endpointsOf(String apiMd) {
        Set<String> endpoints = new LinkedHashSet<>();
        Matcher row = TABLE_ROW.matcher(apiMd);
        while (row.find()) {
            endpoints.add(row.group(1) + " " + normalize(row.group(2)));
            if (row.group(3) != null) { // `POST /schedules/{id}/pause`, `/resume`: a sibling of the same method
                String path = row.group(2);
                endpoints.add(row.group(1) + " " + normalize(path.substring(0, path.lastIndexOf('/')) + row.group(3)));
            }
        }
        int sections = apiMd.indexOf("\n## Runs");
        assertThat(sections).as("api.md has a Runs section").isPositive();
        String prose = apiMd.substring(sections).replaceAll("\\s+", " ").replace("` /", "`/");
        Matcher endpoint = ENDPOINT.matcher(prose.replaceAll("([A-Z]) (/)", "$1 $2"));
        while (endpoint.find()) {
            for (String method : endpoint.group(1).split("\\|")) {
                endpoints.add(method + " " + normalize(endpoint.group(2)));
            }
        }
        return endpoints;
    }

    private static String normalize(String path) {
        return path.strip().replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void apiMdIsParsedIntoItsEndpoints() {
        Set<String> endpoints = endpointsOf(apiMd);
        assertThat(endpoints)
                .contains(
                        "POST /schedules",
                        "PATCH /schedules/{}",
                        "POST /schedules/{}/resume",
                        "POST /schedules/preview",
                        "GET /runs/{}/artifact",
                        "DELETE /recipient-lists/{}",
                        "GET /report-types/{}",
                        "PUT /teams/{}/members/{}",
                        "PATCH /users/{}",
                        "DELETE /api-keys/{}");
        assertThat(endpoints.size()).isGreaterThanOrEqualTo(35);
    }

    @Test
    void everyEndpointOfApiMdIsInTheDocument() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue()
                .propertyNames()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()))));
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpointsOf(apiMd)) {
            String[] parts = endpoint.split(" ", 2);
            if (!documented.contains(parts[0] + " /api/v1" + parts[1])) {
                missing.add(endpoint);
            }
        }
        assertThat(missing).as("endpoints of api.md missing from /v3/api-docs").isEmpty();
    }

    @Test
    void theScheduleSchemasHaveTheFieldsOfApiMd() throws IOException {
        int start = apiMd.indexOf("{ \"object\": \"schedule\"");
        String example = apiMd.substring(start, apiMd.indexOf("```", start));
        JsonNode schedule = json.readTree(example);
        JsonNode schemas = document.get("components").get("schemas");
        java.util.Collection<String> resource =
                schemas.get("ScheduleResource").get("properties").propertyNames();
        assertThat(resource).containsAll(schedule.propertyNames());
        java.util.Collection<String> input =
                schemas.get("ScheduleInput").get("properties").propertyNames();
        assertThat(input)
                .contains("name", "team_id", "report_type", "cadence", "recipients", "time_zone", "formats", "subject");
        for (String field : input) {
            assertThat(schedule.has(field) || field.equals("deduplication_key"))
                    .as("ScheduleInput.%s is a field of api.md's schedule", field)
                    .isTrue();
        }
        assertThat(schemas.get("CadenceInput").get("properties").propertyNames())
                .containsAll(schedule.get("cadence").propertyNames())
                .contains("day_of_month", "expression");
        assertThat(schemas.get("RecipientsInput").get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(schedule.get("recipients").propertyNames());
        assertThat(schemas.get("RecipientListInput").get("properties").propertyNames())
                .containsExactlyInAnyOrder("team_id", "name", "description", "members");
    }

    @Test
    void writeOperationsDescribeTheirBodiesAndErrors() {
        JsonNode create = document.get("paths").get("/api/v1/schedules").get("post");
        JsonNode body = create.get("requestBody").get("content").get("application/json");
        assertThat(body.get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/ScheduleInput");
        assertThat(body.get("example").get("report_type").asString()).isEqualTo("daily_sales_by_region");
        assertThat(create.get("responses").propertyNames()).contains("201", "401", "403", "409", "422", "429", "503");
        JsonNode patch = document.get("paths").get("/api/v1/schedules/{id}").get("patch");
        assertThat(patch.get("requestBody").get("content").propertyNames())
                .contains("application/merge-patch+json", "application/json-patch+json");
        assertThat(patch.get("responses").propertyNames()).contains("404", "412", "422");
        JsonNode lists = document.get("paths").get("/api/v1/recipient-lists").get("post");
        assertThat(lists.get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/RecipientListInput");
        JsonNode components = document.get("components");
        assertThat(components
                        .get("responses")
                        .get("service_unavailable")
                        .get("description")
                        .asString())
                .contains("service_unavailable");
        assertThat(components.get("schemas").get("Error").get("properties").propertyNames())
                .containsExactlyInAnyOrder("error", "request_id");
        Set<String> codes = new TreeSet<>();
        components
                .get("schemas")
                .get("Error")
                .get("properties")
                .get("error")
                .get("properties")
                .get("code")
                .get("enum")
                .forEach(code -> codes.add(code.asString()));
        Matcher code = Pattern.compile("^\\| `([a-z_]+)` \\| \\d{3} \\|", Pattern.MULTILINE)
                .matcher(apiMd);
        while (code.find()) {
            assertThat(codes).contains(code.group(1));
        }
    }

    @Test
    void describesTheApiAndItsKeys() {
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Herald REST API");
        assertThat(document.get("info").get("version").asString()).isEqualTo("v1");
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("apiKeyHeader").get("name").asString()).isEqualTo("X-Api-Key");
        Set<String> tags = new TreeSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
        assertThat(tags).contains("Schedules", "Runs", "Recipient lists", "Report types", "Teams", "Users", "API keys");
        assertThat(document.get("paths").has("/api/**")).isFalse();
    }

    @Test
    void swaggerUiIsServedWithAStrictScriptPolicy() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';")));
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
    }
}
