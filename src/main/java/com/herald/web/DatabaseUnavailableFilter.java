package com.herald.web;

import com.herald.platform.ApiErrorWriter;
import com.herald.platform.RequestIds;
import com.herald.platform.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The database down in a filter (Spring Session reads the session from it before any controller runs, and again
 * on the error dispatch): answer 503 here, right after the request log, instead of the container's bare 500 page.
 * API paths get the envelope, portal pages {@code error/503} (which needs neither session nor database).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after RequestLoggingFilter (request id), before Spring Session's filter
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private final ApiErrorWriter errors;
    private final ThymeleafViewResolver views;

    DatabaseUnavailableFilter(ApiErrorWriter errors, ThymeleafViewResolver views) {
        this.errors = errors;
        this.views = views;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!ServiceUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Request failed, database unavailable: {}", e.toString());
            response.reset();
            response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                errors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ServiceUnavailable.error());
                return;
            }
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(RequestIds.HEADER, RequestIds.current());
            // Spring Security's header writer never committed this response: its headers are set here
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Cache-Control", "no-store");
            try {
                View page = views.resolveViewName("error/503", RequestContextUtils.getLocale(request));
                page.render(Map.of("requestId", String.valueOf(RequestIds.current())), request, response);
            } catch (Exception renderFailure) {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Herald cannot reach its database right now. Try again in a few seconds.");
            }
        }
    }
}
