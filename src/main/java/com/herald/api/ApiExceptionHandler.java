package com.herald.api;

import com.herald.platform.ApiError;
import com.herald.platform.InvalidRequest;
import com.herald.platform.NotFoundException;
import com.herald.platform.ServiceUnavailable;
import com.herald.scheduling.ScheduleException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Every error of the API, as the envelope of api.md; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the portal's advice for the API's controllers
// (web.DatabaseUnavailableAdvice)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** A broken rule: 409 for a duplicate, else 422 listing each field (names in snake_case). */
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ApiError> invalid(InvalidRequest e) {
        boolean duplicate = e.problems().stream().anyMatch(p -> p.messageKey().endsWith(".taken"));
        List<ApiError.FieldError> errors = e.problems().stream()
                .map(p -> new ApiError.FieldError(
                        snake(p.field()),
                        messages.getMessage(p.messageKey(), p.args(), p.messageKey(), Locale.ENGLISH)))
                .toList();
        if (duplicate) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ApiError.of("conflict", errors.getFirst().message(), Map.of("errors", errors)));
        }
        return ResponseEntity.unprocessableContent()
                .body(ApiError.fieldErrors("body_validation_error", "Request validation failed", errors));
    }

    static final String FORBIDDEN_SCHEDULE = "You may see this schedule but not change it";

    /**
     * A refused schedule operation (api.md error codes). STALE is 412 whether or not the client sent If-Match:
     * the update was computed from a version someone else replaced meanwhile, so reading again is the fix.
     */
    @ExceptionHandler(ScheduleException.class)
    ResponseEntity<ApiError> schedule(ScheduleException e) {
        return switch (e.kind()) {
            case NOT_FOUND ->
                ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not_found", "No such object"));
            case FORBIDDEN ->
                ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("forbidden", FORBIDDEN_SCHEDULE));
            case INVALID ->
                ResponseEntity.unprocessableContent()
                        .body(ApiError.fieldErrors(
                                "body_validation_error", "Request validation failed", resolve(messages, e.problems())));
            case CONFLICT ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(ApiError.of(
                                "conflict",
                                e.messageKey() == null
                                        ? "The request conflicts with the schedule's current state"
                                        : messages.getMessage(
                                                e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH)));
            case STALE ->
                ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                        .body(ApiError.of(
                                "precondition_failed",
                                "The schedule was changed by another request since it was read; read it again"));
        };
    }

    /** Problems with their messages in English, the API's language. */
    static List<ApiError.FieldError> resolve(MessageSource messages, List<InvalidRequest.Problem> problems) {
        return problems.stream()
                .map(p -> new ApiError.FieldError(
                        p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), Locale.ENGLISH)))
                .toList();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.unprocessableContent()
                .body(ApiError.fieldErrors(
                        "body_validation_error",
                        "The body is not valid JSON",
                        List.of(new ApiError.FieldError("", "not valid JSON"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of("unsupported_media_type", "Send the body as application/json"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not_found", "No such object"));
    }

    static String snake(String field) {
        return field == null
                ? null
                : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(e.error());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(ApiError.of("validation_error", "Invalid query or path parameter"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ApiError.of("method_not_allowed", "This path does not support " + e.getMethod()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("forbidden", "You may not do this"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        if (e.getStatusCode().value() == 404) {
            return ResponseEntity.status(404).body(ApiError.of("not_found", "No such object"));
        }
        return unexpected(e);
    }

    /** The database is down (api.md {@code service_unavailable}): the request may simply be sent again. */
    @ExceptionHandler({DataAccessResourceFailureException.class, SQLTransientConnectionException.class})
    ResponseEntity<ApiError> unavailable(Exception e) {
        log.warn("API request failed, database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ServiceUnavailable.RETRY_AFTER)
                .body(ServiceUnavailable.error());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (ServiceUnavailable.isCause(e)) {
            return unavailable(e);
        }
        log.error("Unexpected API error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiError.of("internal_error", "An unexpected error occurred; quote the request id to support"));
    }
}
