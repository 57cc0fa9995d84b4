package com.herald.platform.internal;

import com.herald.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (reusing a client's UUID), returns it as {@code X-Correlation-ID}, and
 * logs one structured line per request. Key-value pairs become fields with LOGGING_STRUCTURED_FORMAT_CONSOLE.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLoggingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("herald.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        request.setAttribute(RequestIds.MDC_KEY, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI();
            boolean quiet = path.startsWith("/webjars/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")
                    || path.startsWith("/actuator/")
                    || path.equals("/favicon.ico");
            Principal user = request.getUserPrincipal();
            log.atLevel(quiet ? Level.DEBUG : Level.INFO)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
                    .addKeyValue("user", user == null ? "-" : user.getName())
                    .addKeyValue("htmx", request.getHeader("HX-Request") != null)
                    .log("{} {} -> {}", request.getMethod(), path, response.getStatus());
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
