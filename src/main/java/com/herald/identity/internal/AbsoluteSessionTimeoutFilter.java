package com.herald.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session 12 hours after sign-in however active it is (product.md §9); the idle timeout of
 * 30 minutes is the session store's own. Runs after Spring Session and before Spring Security.
 */
@Component
@Order(-1000)
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration maxAge;

    AbsoluteSessionTimeoutFilter(@Value("${herald.session.absolute-timeout:12h}") Duration maxAge) {
        this.maxAge = maxAge;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > maxAge.toMillis()) {
            session.invalidate();
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Refresh", "true");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
