package com.herald.scheduling.web;

import com.herald.scheduling.ScheduleException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A {@link ScheduleException} the pages did not handle themselves becomes the error page of its status: 404 for
 * what the user may not see (product.md §2), 403 for what they see but may not change.
 */
@ControllerAdvice(basePackageClasses = ScheduleErrorAdvice.class)
class ScheduleErrorAdvice {

    @ExceptionHandler(ScheduleException.class)
    void scheduleException(ScheduleException e, HttpServletResponse response) throws IOException {
        response.sendError(status(e));
    }

    static int status(ScheduleException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case CONFLICT, STALE -> HttpServletResponse.SC_CONFLICT;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }
}
