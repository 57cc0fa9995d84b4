package com.herald.platform;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The database is down or out of connections: a 503 with {@code Retry-After} (api.md {@code service_unavailable},
 * the portal's 503 page), not a 500, since the request was fine and may simply be sent again.
 */
public final class ServiceUnavailable {

    /** Seconds a client should wait before trying again: about one connection timeout of the pool. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String RETRY_AFTER = String.valueOf(RETRY_AFTER_SECONDS);

    private ServiceUnavailable() {}

    /**
     * Whether the failure is the database being unreachable: {@link DataAccessResourceFailureException} (which
     * includes {@code CannotGetJdbcConnectionException}) or {@link SQLTransientConnectionException} anywhere in
     * the cause chain.
     */
    public static boolean isCause(Throwable failure) {
        Throwable e = failure;
        for (int depth = 0; e != null && depth < 32; depth++, e = e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static ApiError error() {
        return ApiError.of(
                "service_unavailable",
                "The database is unavailable; try again in a few seconds",
                Map.of("retry_after", RETRY_AFTER_SECONDS));
    }
}
