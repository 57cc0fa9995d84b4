package com.herald.reports;

/**
 * A report that could not be produced, with the failure category of product.md §5: {@code data_source},
 * {@code query}, {@code timeout} or {@code render}.
 */
public class ReportRunException extends RuntimeException {

    private final String category;

    public ReportRunException(String category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public String category() {
        return category;
    }
}
