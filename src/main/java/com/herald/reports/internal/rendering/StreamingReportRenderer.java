package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.ReportRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/** The {@link ReportRenderer}: reads the result set once and hands the rows to the format's writer. */
@Component
public class StreamingReportRenderer implements ReportRenderer {

    private final CsvFormatWriter csv = new CsvFormatWriter();
    private final XlsxFormatWriter xlsx = new XlsxFormatWriter();
    private final PdfFormatWriter pdf = new PdfFormatWriter();
    private final HtmlFormatWriter html = new HtmlFormatWriter();

    @Override
    public RenderResult render(ResultSet rs, RenderRequest request, OutputStream out) throws SQLException, IOException {
        RowCursor cursor = new RowCursor(rs);
        CountingOutputStream counting = new CountingOutputStream(out);
        Limits limits = new Limits(request, counting);
        FormatWriter writer =
                switch (request.format()) {
                    case CSV -> csv;
                    case XLSX -> xlsx;
                    case PDF -> pdf;
                    case HTML -> html;
                };
        long rows = writer.write(cursor, request, counting, limits);
        counting.flush();
        return new RenderResult(rows, counting.count(), limits.stoppedBySize, limits.stoppedByRows, cursor.labels());
    }
}
