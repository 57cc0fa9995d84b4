package com.herald.api;

import com.herald.platform.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A JSON request body read field by field: unknown fields and wrong types are collected as
 * body_validation_error entries (each named), read-only fields are ignored.
 */
final class ApiBody {

    private final JsonNode json;
    private final List<ApiError.FieldError> errors = new ArrayList<>();

    private ApiBody(JsonNode json) {
        this.json = json;
    }

    static ApiBody of(JsonNode json, Set<String> writable, Set<String> readOnly) {
        ApiBody body = new ApiBody(json);
        if (json == null || !json.isObject()) {
            body.errors.add(new ApiError.FieldError("", "must be a JSON object"));
            body.throwIfInvalid();
        }
        for (String name : json.propertyNames()) {
            if (!writable.contains(name) && !readOnly.contains(name)) {
                body.errors.add(new ApiError.FieldError(name, "unknown field"));
            }
        }
        return body;
    }

    boolean has(String field) {
        return json.has(field);
    }

    String string(String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new ApiError.FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isString()) {
            errors.add(new ApiError.FieldError(field, "must be a string"));
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
            errors.add(new ApiError.FieldError(field, "must be true or false"));
            return null;
        }
        return node.asBoolean();
    }

    UUID uuid(String field) {
        String value = string(field, false);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new ApiError.FieldError(field, "must be a UUID"));
            return null;
        }
    }

    List<String> strings(String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new ApiError.FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isArray()) {
            errors.add(new ApiError.FieldError(field, "must be an array of strings"));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                errors.add(new ApiError.FieldError(field, "must be an array of strings"));
                return null;
            }
            values.add(item.asString());
        }
        return values;
    }

    void error(String field, String message) {
        errors.add(new ApiError.FieldError(field, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiException(
                    422,
                    ApiError.fieldErrors("body_validation_error", "Request validation failed", List.copyOf(errors)));
        }
    }
}
