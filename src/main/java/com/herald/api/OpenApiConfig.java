package com.herald.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of api.md at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): API-key
 * security (bearer or {@code X-Api-Key}), the error envelope and its codes as responses of every operation, and
 * the request bodies the controllers read by hand ({@link ApiDocumentation}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer";
    static final String API_KEY_HEADER = "apiKeyHeader";
    static final String ERROR = "Error";

    /** api.md "Errors": code, status, when. */
    record ErrorCode(String code, int status, String when) {}

    static final List<ErrorCode> ERROR_CODES = List.of(
            new ErrorCode("validation_error", 400, "bad query or path parameters"),
            new ErrorCode("unauthorized", 401, "missing, unknown or revoked key"),
            new ErrorCode("forbidden", 403, "the key lacks the scope, or the user may see but not change the object"),
            new ErrorCode("not_found", 404, "no such object, or not visible to the caller"),
            new ErrorCode("conflict", 409, "duplicate (e.g. name in team, external_id), or state forbids the action"),
            new ErrorCode("precondition_failed", 412, "If-Match does not match the current ETag"),
            new ErrorCode("unsupported_media_type", 415, "the body's content type is not accepted"),
            new ErrorCode(
                    "body_validation_error",
                    422,
                    "the body is not valid JSON or breaks the schema or a rule; details.errors[] lists each field"),
            new ErrorCode(
                    "rate_limit_exceeded",
                    429,
                    "per-key limit (default 600/min); Retry-After header and details.retry_after (s)"),
            new ErrorCode("internal_error", 500, "a bug; the message never contains a stack trace"),
            new ErrorCode(
                    "service_unavailable",
                    503,
                    "the database or a dependency is down; Retry-After header and details.retry_after (s)"));

    /** Schemas in snake_case, as spring.jackson.property-naming-strategy writes them (swagger-core has its own mapper). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    OpenAPI heraldOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Herald REST API")
                        .version("v1")
                        .description("Scheduled report delivery: schedules, runs, recipient lists, report types and"
                                + " provisioning (teams, users, API keys). JSON in snake_case, timestamps ISO-8601"
                                + " UTC. Every non-2xx answer is the error envelope, with the request id also in"
                                + " the X-Correlation-ID header. Authenticate with an API key: scope read for GET,"
                                + " write for everything else."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("API key")
                                        .description("Authorization: Bearer hk_..."))
                        .addSecuritySchemes(
                                API_KEY_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("the same API key, as X-Api-Key: hk_...")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_HEADER));
    }

    /** Error envelope, error responses and request bodies for every API operation. */
    @Bean
    OpenApiCustomizer heraldApiCustomizer() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(ERROR, errorSchema());
            for (ErrorCode code : ERROR_CODES) {
                components.addResponses(responseName(code.status()), errorResponse(code));
            }
            for (Class<?> type : List.of(
                    ApiDocumentation.ScheduleInput.class,
                    ApiDocumentation.JsonPatchOperation.class,
                    ApiDocumentation.SchedulePreviewInput.class,
                    ApiDocumentation.RecipientListInput.class,
                    ApiDocumentation.TeamInput.class,
                    ApiDocumentation.MembershipInput.class,
                    ApiDocumentation.UserInput.class,
                    ApiDocumentation.ApiKeyInput.class)) {
                ModelConverters.getInstance(true)
                        .readAll(new AnnotatedType(type))
                        .forEach(components::addSchemas);
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                item.readOperationsMap().forEach((method, operation) -> {
                    successStatus(path, method, operation);
                    requestBody(path, method, operation);
                    errorResponses(path, method, operation);
                });
            });
        };
    }

    /** springdoc says 200 for every handler returning a ResponseEntity; api.md says 201, 202 and 204 here. */
    private static void successStatus(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses == null || !responses.containsKey("200")) {
            return;
        }
        boolean create = method == PathItem.HttpMethod.POST
                && path.matches("/api/v1/(schedules|recipient-lists|teams|users|api-keys)");
        if (create) {
            ApiResponse created = responses.remove("200").description("Created; Location names the new object");
            responses.addApiResponse("201", created);
            if (path.equals(SchedulesApiController.PATH)) {
                responses.addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("The same Idempotency-Key or deduplication_key again: the first result")
                                .content(created.getContent()));
            }
        } else if (method == PathItem.HttpMethod.POST && path.endsWith("/trigger")) {
            responses.addApiResponse("202", responses.remove("200").description("Accepted: the run, queued"));
        } else if (method == PathItem.HttpMethod.DELETE) {
            responses.remove("200");
            responses.addApiResponse("204", new ApiResponse().description("Deleted"));
        }
    }

    private static void requestBody(String path, PathItem.HttpMethod method, Operation operation) {
        String key = method + " " + path;
        switch (key) {
            case "POST /api/v1/schedules" -> body(operation, "ScheduleInput", "application/json", SCHEDULE_EXAMPLE);
            case "PATCH /api/v1/schedules/{id}" -> {
                Content content = new Content()
                        .addMediaType(
                                "application/merge-patch+json",
                                media("ScheduleInput", "{\"status\": \"paused\", \"cadence\": {\"hour\": 9}}"))
                        .addMediaType(
                                "application/json",
                                media("ScheduleInput", "{\"status\": \"paused\", \"cadence\": {\"hour\": 9}}"))
                        .addMediaType(
                                "application/json-patch+json",
                                new MediaType()
                                        .schema(new ArraySchema().items(ref("JsonPatchOperation")))
                                        .example(
                                                example(
                                                        "[{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"paused\"}]")));
                operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                        .required(true)
                        .description("RFC 7396 merge patch (or application/json, same meaning) or RFC 6902 JSON"
                                + " Patch, applied to the schedule as GET shows it")
                        .content(content));
            }
            case "POST /api/v1/schedules/preview" ->
                body(
                        operation,
                        "SchedulePreviewInput",
                        "application/json",
                        "{\"cadence\": {\"frequency\": \"daily\", \"hour\": 8, \"minute\": 0},"
                                + " \"time_zone\": \"Europe/Berlin\", \"count\": 5}");
            case "POST /api/v1/recipient-lists", "PATCH /api/v1/recipient-lists/{id}" ->
                body(operation, "RecipientListInput", "application/json", RECIPIENT_LIST_EXAMPLE);
            case "POST /api/v1/teams", "PATCH /api/v1/teams/{id}" ->
                body(operation, "TeamInput", "application/json", "{\"name\": \"Finance\"}");
            case "PUT /api/v1/teams/{id}/members/{userId}" ->
                body(operation, "MembershipInput", "application/json", "{\"role\": \"EDITOR\"}");
            case "POST /api/v1/users" ->
                body(
                        operation,
                        "UserInput",
                        "application/json",
                        "{\"email\": \"ana@example.com\", \"name\": \"Ana Lima\", \"invite\": true}");
            case "PATCH /api/v1/users/{id}" ->
                body(operation, "UserInput", "application/json", "{\"name\": \"Ana Lima\", \"enabled\": false}");
            case "POST /api/v1/api-keys" ->
                body(
                        operation,
                        "ApiKeyInput",
                        "application/json",
                        "{\"name\": \"provisioning\", \"scopes\": [\"read\", \"write\"]}");
            default -> {}
        }
    }

    static final String SCHEDULE_EXAMPLE = """
            {"name": "Daily sales by region", "team_id": "018e7c2d-33ab-7df1-b1cd-2ac3a8f9112d",
             "report_type": "daily_sales_by_region",
             "cadence": {"frequency": "weekly", "days_of_week": ["MON"], "hour": 8, "minute": 0},
             "time_zone": "Europe/Berlin",
             "recipients": {"list_ids": ["018e7c2d-4a1b-7c3d-9e8f-0a1b2c3d4e5f"], "emails": ["manager@example.com"]},
             "formats": ["xlsx"], "subject": "{{report}} — {{period}}"}""";

    static final String RECIPIENT_LIST_EXAMPLE = """
            {"team_id": "018e7c2d-33ab-7df1-b1cd-2ac3a8f9112d", "name": "Sales managers",
             "description": "Regional sales leads",
             "members": [{"email": "ana@example.com", "name": "Ana Lima"}, {"email": "bo@example.com"}]}""";

    private static void body(Operation operation, String schema, String mediaType, String example) {
        operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody()
                .required(true)
                .content(new Content().addMediaType(mediaType, media(schema, example))));
    }

    private static MediaType media(String schema, String example) {
        return new MediaType().schema(ref(schema)).example(example(example));
    }

    /** The example as parsed JSON, so the document shows it as an object rather than a string. */
    private static Object example(String json) {
        try {
            return Json31.mapper().readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException("invalid example " + json, e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static void errorResponses(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/")) {
            return;
        }
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        boolean write = method != PathItem.HttpMethod.GET;
        boolean hasBody = operation.getRequestBody() != null;
        boolean onObject = path.contains("{");
        Map<Integer, Boolean> applies = new LinkedHashMap<>();
        applies.put(400, !write || path.contains("{"));
        applies.put(401, true);
        applies.put(403, true);
        applies.put(404, onObject);
        applies.put(409, write);
        applies.put(412, method == PathItem.HttpMethod.PATCH && path.startsWith(SchedulesApiController.PATH));
        applies.put(415, hasBody);
        applies.put(422, hasBody);
        applies.put(429, true);
        applies.put(500, true);
        applies.put(503, true);
        for (Map.Entry<Integer, Boolean> entry : applies.entrySet()) {
            String status = String.valueOf(entry.getKey());
            if (entry.getValue() && !responses.containsKey(status)) {
                responses.addApiResponse(
                        status, new ApiResponse().$ref("#/components/responses/" + responseName(entry.getKey())));
            }
        }
    }

    static String responseName(int status) {
        return ERROR_CODES.stream()
                .filter(c -> c.status() == status)
                .findFirst()
                .map(ErrorCode::code)
                .orElseThrow();
    }

    private static ApiResponse errorResponse(ErrorCode code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.code());
        error.put("message", code.when());
        if (code.status() == 422) {
            error.put(
                    "details",
                    Map.of("errors", List.of(Map.of("field", "cadence.hour", "message", "must be between 0 and 23"))));
        } else if (code.status() == 429 || code.status() == 503) {
            error.put("details", Map.of("retry_after", code.status() == 429 ? 12 : 5));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("error", error);
        envelope.put("request_id", "9f6c4e8a-1d3b-4c8b-9f1e-7a3b1c2d3e4f");
        return new ApiResponse()
                .description("`" + code.code() + "`: " + code.when())
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType().schema(ref(ERROR)).example(envelope)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema errorSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("snake_case path, e.g. cadence.hour"))
                .addProperty("message", new StringSchema());
        Schema details = new ObjectSchema()
                .description("errors[] for body_validation_error; retry_after (seconds) for 429 and 503")
                .addProperty("errors", new ArraySchema().items(fieldError))
                .addProperty(
                        "retry_after", new Schema<Integer>().type("integer").description("seconds"));
        details.setAdditionalProperties(true);
        Schema body = new ObjectSchema()
                .addProperty(
                        "code",
                        new StringSchema()
                                ._enum(ERROR_CODES.stream().map(ErrorCode::code).toList()))
                .addProperty("message", new StringSchema().description("for people; never a stack trace"))
                .addProperty("details", details);
        body.setRequired(List.of("code", "message"));
        Schema envelope = new ObjectSchema()
                .description("Every non-2xx answer of the API")
                .addProperty("error", body)
                .addProperty(
                        "request_id",
                        new StringSchema().format("uuid").description("the same id as the X-Correlation-ID header"));
        envelope.setRequired(List.of("error", "request_id"));
        return envelope;
    }
}
