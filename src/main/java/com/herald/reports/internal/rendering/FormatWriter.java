package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import java.io.IOException;
import java.sql.SQLException;

/** Writes the rows of a cursor in one format; returns how many data rows it wrote. */
interface FormatWriter {

    long write(RowCursor cursor, RenderRequest request, CountingOutputStream out, Limits limits)
            throws SQLException, IOException;
}
