package com.herald.api;

import com.herald.platform.ApiError;

/** An API failure with its status and envelope, thrown by controllers and mapped as is. */
class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.error = ApiError.of(code, message);
    }

    ApiException(int status, ApiError error) {
        super(error.error().message());
        this.status = status;
        this.error = error;
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    static ApiException notFound() {
        return new ApiException(404, "not_found", "No such object");
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "unsupported_media_type", message);
    }

    static ApiException badParameter(String message) {
        return new ApiException(400, "validation_error", message);
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}
