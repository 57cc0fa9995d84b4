package com.herald.web;

import com.herald.platform.RequestIds;
import com.herald.platform.ServiceUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A portal page whose database is down answers 503 with {@code Retry-After} and the friendly
 * {@code error/503} page (a page of its own, not the layout, which would need the session and so the
 * database), instead of the 500 page. The API has its own answer (api.ApiExceptionHandler, ordered first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    @ExceptionHandler({DataAccessResourceFailureException.class, SQLTransientConnectionException.class})
    void unavailable(Exception e, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** Failures outside any controller (a filter reading the session, say) reach /error as a 500: show the 503. */
    @Component
    static class ErrorPage implements ErrorViewResolver, Ordered {

        @Override
        public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            boolean unavailable = status == HttpStatus.SERVICE_UNAVAILABLE
                    || (failure instanceof Throwable t && ServiceUnavailable.isCause(t));
            if (!unavailable) {
                return null;
            }
            Map<String, Object> page = new HashMap<>(model);
            Object id = request.getAttribute(RequestIds.MDC_KEY);
            page.put("requestId", id != null ? id : RequestIds.current());
            return new ModelAndView("error/503", page, HttpStatus.SERVICE_UNAVAILABLE);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
