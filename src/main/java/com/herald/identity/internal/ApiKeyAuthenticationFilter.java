package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import com.herald.platform.ApiError;
import com.herald.platform.ApiErrorWriter;
import com.herald.platform.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}; an unknown or revoked key is a 401. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final ApiErrorWriter errors;

    ApiKeyAuthenticationFilter(ApiKeyRepository keys, UserRepository users, ApiErrorWriter errors) {
        this.keys = keys;
        this.users = users;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = secretOf(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeyAuthentication> authentication;
        try {
            authentication = keys.findActive(secret.get()).flatMap(key -> users.findById(key.userId())
                    .filter(HeraldUser::isEnabled)
                    .filter(HeraldUser::isAccountNonLocked)
                    .map(user -> new ApiKeyAuthentication(user.withoutCredentials(), key.id(), key.scopes())));
            if (authentication.isPresent()) {
                keys.touch(authentication.get().keyId());
            }
        } catch (RuntimeException e) {
            if (!ServiceUnavailable.isCause(e)) {
                throw e;
            }
            // the key cannot be checked while the database is down: 503 (api.md), not the container's 500 page
            response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER);
            errors.write(response, 503, ServiceUnavailable.error());
            return;
        }
        if (authentication.isEmpty()) {
            errors.write(response, 401, ApiError.of("unauthorized", "The API key is unknown or revoked"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> secretOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim()).filter(s -> !s.isEmpty());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key"))
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }
}
