package com.herald.api;

import com.herald.platform.ApiError;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.CadenceProblem;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.InvalidCadenceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body read field by field: unknown fields and wrong types are collected as
 * body_validation_error entries (each named), read-only fields are ignored. A nested object
 * ({@link #object}) shares the list, its fields named with the parent's prefix ({@code recipients.emails}).
 */
final class ApiBody {

    private final JsonNode json;
    private final String prefix;
    private final List<ApiError.FieldError> errors;

    private ApiBody(JsonNode json, String prefix, List<ApiError.FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    static ApiBody of(JsonNode json, Set<String> writable, Set<String> readOnly) {
        ApiBody body = new ApiBody(json, "", new ArrayList<>());
        if (json == null || !json.isObject()) {
            body.errors.add(new ApiError.FieldError("", "must be a JSON object"));
            body.throwIfInvalid();
        }
        body.checkNames(writable, readOnly);
        return body;
    }

    private void checkNames(Set<String> writable, Set<String> readOnly) {
        for (String name : json.propertyNames()) {
            if (!writable.contains(name) && !readOnly.contains(name)) {
                error(name, "unknown field");
            }
        }
    }

    /** The nested object {@code field}, read with the same rules; null (and no error) when absent or null. */
    ApiBody object(String field, Set<String> writable, Set<String> readOnly) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error(field, "must be an object");
            return null;
        }
        ApiBody nested = new ApiBody(node, name(field) + ".", errors);
        nested.checkNames(writable, readOnly);
        return nested;
    }

    /** The field's name as the client sees it in an error. */
    String name(String field) {
        return prefix + field;
    }

    boolean has(String field) {
        return json.has(field);
    }

    /** The raw value of a field, for shapes read elsewhere; null when absent. */
    JsonNode node(String field) {
        return json.get(field);
    }

    String string(String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            error(field, "must be a string");
            return null;
        }
        return node.asString();
    }

    Boolean bool(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }

    /** A whole number that fits an int; the range is the caller's rule. */
    Integer integer(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "must be an integer");
            return null;
        }
        return node.intValue();
    }

    UUID uuid(String field) {
        return uuid(field, string(field, false));
    }

    private UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            error(field, "must be a UUID");
            return null;
        }
    }

    List<UUID> uuids(String field) {
        List<String> values = strings(field, false);
        if (values == null) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            UUID id = uuid(field, value);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    /** An ISO-8601 timestamp with a zone or offset ({@code 2026-04-13T06:00:00Z}). */
    Instant instant(String field) {
        String value = string(field, false);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            error(field, "must be an ISO-8601 timestamp such as 2026-04-13T06:00:00Z");
            return null;
        }
    }

    List<String> strings(String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!node.isArray()) {
            error(field, "must be an array of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                error(field, "must be an array of strings");
                return null;
            }
            values.add(item.asString());
        }
        return values;
    }

    /** The api.md {@code cadence} object, each bad member named ({@code cadence.hour}). */
    Cadence cadence(String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            error(field, "must be an object");
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) plain(node);
            return Cadences.parse(fields);
        } catch (InvalidCadenceException e) {
            for (CadenceProblem problem : e.problems()) {
                // Cadences names its fields "cadence.*"; keep the name the client used
                errors.add(new ApiError.FieldError(
                        prefix + field + problem.field().substring("cadence".length()), problem.message()));
            }
            return null;
        }
    }

    /** JSON as plain Java values, the way {@link Cadences#parse} reads them. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String name : node.propertyNames()) {
                map.put(name, plain(node.get(name)));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return list;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }

    void error(String field, String message) {
        errors.add(new ApiError.FieldError(name(field), message));
    }

    /** Whether a problem was already reported for the field or one inside it. */
    boolean named(String field) {
        return errors.stream()
                .anyMatch(e -> e.field().equals(field)
                        || e.field().startsWith(field + ".")
                        || e.field().startsWith(field + "["));
    }

    List<ApiError.FieldError> errors() {
        return List.copyOf(errors);
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    static ApiException invalid(List<ApiError.FieldError> errors) {
        return new ApiException(
                422, ApiError.fieldErrors("body_validation_error", "Request validation failed", List.copyOf(errors)));
    }
}
