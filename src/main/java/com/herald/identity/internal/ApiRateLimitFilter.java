package com.herald.identity.internal;

import com.herald.platform.ApiError;
import com.herald.platform.ApiErrorWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per API key token bucket (default 600 requests a minute, refilled gradually). Over the limit: 429
 * rate_limit_exceeded with Retry-After and details.retry_after. Buckets live in each instance's memory,
 * so a cluster of N instances allows up to N times the limit; see docs/architecture.md.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final long perMinute;
    private final ApiErrorWriter errors;

    ApiRateLimitFilter(long perMinute, ApiErrorWriter errors) {
        this.perMinute = perMinute;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof ApiKeyAuthentication key)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key.keyId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", String.valueOf(perMinute));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        errors.write(
                response,
                429,
                ApiError.of(
                        "rate_limit_exceeded",
                        "Too many requests for this API key; retry after " + retryAfter + " s",
                        Map.of("retry_after", retryAfter)));
    }
}
