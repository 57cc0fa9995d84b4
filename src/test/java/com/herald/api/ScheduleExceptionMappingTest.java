package com.herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.platform.ApiError;
import com.herald.platform.InvalidRequest;
import com.herald.scheduling.ScheduleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ResponseEntity;

/** Each kind of refused schedule operation answers api.md's status, code and an English message. */
class ScheduleExceptionMappingTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final ApiExceptionHandler handler = new ApiExceptionHandler(messages);

    {
        messages.addMessage("schedules.conflict.externalId", Locale.ENGLISH, "External id \"{0}\" is taken.");
        messages.addMessage("schedules.validation.range", Locale.ENGLISH, "Enter a whole number from {0} to {1}.");
    }

    @Test
    void everyKindHasItsStatusAndCode() {
        assertThat(answer(ScheduleException.of(ScheduleException.Kind.NOT_FOUND)))
                .isEqualTo("404 not_found");
        assertThat(answer(ScheduleException.of(ScheduleException.Kind.FORBIDDEN)))
                .isEqualTo("403 forbidden");
        assertThat(answer(ScheduleException.of(ScheduleException.Kind.STALE))).isEqualTo("412 precondition_failed");
        assertThat(answer(ScheduleException.conflict("schedules.conflict.externalId", "x-1")))
                .isEqualTo("409 conflict");
        assertThat(answer(ScheduleException.invalid(List.of()))).isEqualTo("422 body_validation_error");
    }

    @Test
    void conflictAndInvalidMessagesAreResolvedWithTheirArguments() {
        ApiError conflict = handler.schedule(ScheduleException.conflict("schedules.conflict.externalId", "x-1"))
                .getBody();
        assertThat(conflict.error().message()).isEqualTo("External id \"x-1\" is taken.");
        ApiError invalid = handler.schedule(ScheduleException.invalid(
                        List.of(new InvalidRequest.Problem("max_retries", "schedules.validation.range", 0, 10))))
                .getBody();
        assertThat(invalid.error().details())
                .isEqualTo(Map.of(
                        "errors",
                        List.of(new ApiError.FieldError("max_retries", "Enter a whole number from 0 to 10."))));
    }

    private String answer(ScheduleException e) {
        ResponseEntity<ApiError> response = handler.schedule(e);
        return response.getStatusCode().value() + " "
                + response.getBody().error().code();
    }
}
