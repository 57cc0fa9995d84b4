package com.herald.reports.internal;

/**
 * A query that could not run, with a message fit for the user (the driver's message, never a stack trace).
 * {@code kind}: {@code connection}, {@code query}, {@code timeout}, {@code not_ready}.
 */
public class QueryFailure extends RuntimeException {

    private final String kind;

    public QueryFailure(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
