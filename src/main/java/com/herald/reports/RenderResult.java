package com.herald.reports;

import java.util.List;

/**
 * What a rendering produced.
 *
 * @param rowCount data rows written to the output (the header not counted)
 * @param bytes bytes written to the output stream
 * @param truncatedBySizeLimit rendering stopped early because the output passed {@link RenderRequest#maxBytes()}
 * @param truncatedByRowLimit rendering stopped early because the result had more rows than
 *     {@link RenderRequest#effectiveMaxRows()}
 * @param columns the column labels, in order
 */
public record RenderResult(
        long rowCount, long bytes, boolean truncatedBySizeLimit, boolean truncatedByRowLimit, List<String> columns) {

    public RenderResult {
        columns = List.copyOf(columns);
    }

    /** True when the output holds fewer rows than the query returned. */
    public boolean truncated() {
        return truncatedBySizeLimit || truncatedByRowLimit;
    }

    public boolean empty() {
        return rowCount == 0 && !truncated();
    }
}
