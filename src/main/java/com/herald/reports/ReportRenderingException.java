package com.herald.reports;

/**
 * Rendering failed for a reason other than the query: a broken layout, an I/O error on the output. Delivery files it
 * under the {@code render} failure category; a {@link java.sql.SQLException} from the result set is a {@code query}
 * failure.
 */
public class ReportRenderingException extends RuntimeException {

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportRenderingException(String message) {
        super(message);
    }
}
