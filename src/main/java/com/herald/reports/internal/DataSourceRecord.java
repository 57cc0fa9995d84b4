package com.herald.reports.internal;

import java.util.UUID;

/**
 * A data source row. {@code builtin} is {@code demo} (the generated sample data), {@code herald} (Herald's
 * own database, through its connection pool) or null (added by an administrator).
 */
public record DataSourceRecord(
        UUID id,
        String name,
        String builtin,
        String jdbcUrl,
        String username,
        String passwordEncrypted,
        boolean readOnly,
        int maxRows,
        int statementTimeoutSeconds,
        String status,
        String statusMessage) {

    public static final String DEMO = "demo";
    public static final String HERALD = "herald";
    public static final String READY = "ready";
    public static final String PREPARING = "preparing";
    public static final String FAILED = "failed";

    public boolean heraldDatabase() {
        return HERALD.equals(builtin);
    }

    public boolean ready() {
        return READY.equals(status);
    }
}
