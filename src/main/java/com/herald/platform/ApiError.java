package com.herald.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The error envelope of api.md: every non-2xx API answer has this body. */
public record ApiError(
        Body error, @JsonProperty("request_id") String requestId) {

    public static ApiError of(String code, String message) {
        return new ApiError(new Body(code, message, null), RequestIds.current());
    }

    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(new Body(code, message, details), RequestIds.current());
    }

    public static ApiError fieldErrors(String code, String message, List<FieldError> errors) {
        return of(code, message, Map.of("errors", errors));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, Map<String, Object> details) {}

    public record FieldError(String field, String message) {}
}
