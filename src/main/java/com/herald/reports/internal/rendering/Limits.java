package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;

/** The row and byte caps of one rendering, and which of them stopped it. */
final class Limits {

    private final long maxRows;
    private final long maxBytes;
    private final CountingOutputStream out;
    boolean stoppedByRows;
    boolean stoppedBySize;

    Limits(RenderRequest request, CountingOutputStream out) {
        this.maxRows = request.effectiveMaxRows();
        this.maxBytes = request.maxBytes() == 0 ? Long.MAX_VALUE : request.maxBytes();
        this.out = out;
    }

    /**
     * Called before each row once the cursor stands on it: false when the row must not be written, because
     * {@code written} rows are all we may write or the output already passed the byte cap (bytes still in a writer's
     * buffer are counted when they reach the stream, so the output may pass the cap by one buffer).
     */
    boolean mayWrite(long written) {
        if (written >= maxRows) {
            stoppedByRows = true;
            return false;
        }
        if (out.count() > maxBytes) {
            stoppedBySize = true;
            return false;
        }
        return true;
    }
}
