package com.herald.web;

import com.herald.platform.ServiceUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A portal page whose database is down answers 503 with {@code Retry-After} and the friendly
 * {@code error/503} page (a page of its own, not the layout, which would need the session and so the
 * database; Boot's error view resolver finds it by status), instead of the 500 page. The API has its own answer
 * (api.ApiExceptionHandler, ordered first); failures in filters are {@link DatabaseUnavailableFilter}'s. (No
 * ErrorViewResolver bean here: one would replace Boot's, which finds error/404.html and the others by status.)
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    @ExceptionHandler({DataAccessResourceFailureException.class, SQLTransientConnectionException.class})
    void unavailable(Exception e, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
