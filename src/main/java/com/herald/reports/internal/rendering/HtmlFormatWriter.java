package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;

/**
 * A self-contained HTML document for an email body: a heading (title, period, generated at) and a table, styled with
 * inline {@code style} attributes only (mail clients drop style sheets) — no external CSS, no script, every value
 * escaped. Streams: each row is written as it is read.
 */
final class HtmlFormatWriter implements FormatWriter {

    static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final String TH = "<th style=\"" + FONT
            + "font-size:13px;font-weight:bold;text-align:left;padding:6px 8px;background-color:#e9ecef;"
            + "border:1px solid #ced4da;color:#212529;\">";
    private static final String TH_NUM = TH.replace("text-align:left", "text-align:right");
    private static final String TD = "<td style=\"" + FONT
            + "font-size:13px;padding:4px 8px;border:1px solid #dee2e6;color:#212529;vertical-align:top;\">";
    private static final String TD_NUM = TD.replace("vertical-align:top;", "vertical-align:top;text-align:right;");
    private static final String TR_EVEN = "<tr>";
    private static final String TR_ODD = "<tr style=\"background-color:#f8f9fa;\">";

    @Override
    public long write(RowCursor cursor, RenderRequest request, CountingOutputStream out, Limits limits)
            throws SQLException, IOException {
        Writer w = new Utf8Writer(out);
        Column[] columns = cursor.columns();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
        Html.escape(sb, request.title());
        sb.append("</title></head>\n<body style=\"margin:0;padding:16px;background-color:#ffffff;\">\n");
        sb.append("<h1 style=\"").append(FONT).append("font-size:20px;color:#212529;margin:0 0 4px 0;\">");
        Html.escape(sb, request.title());
        sb.append("</h1>\n<p style=\"").append(FONT).append("font-size:13px;color:#6c757d;margin:0 0 12px 0;\">");
        if (!request.periodLabel().isEmpty()) {
            Html.escape(sb, request.periodLabel());
            sb.append(" &middot; ");
        }
        sb.append("Generated ");
        Html.escape(sb, GENERATED_AT.format(request.generatedAt().atZone(request.zone())));
        sb.append(
                "</p>\n<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;\">\n");
        sb.append("<thead><tr>");
        for (Column column : columns) {
            sb.append(column.kind().numeric() ? TH_NUM : TH);
            Html.escape(sb, column.label());
            sb.append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        w.append(sb);

        long rows = 0;
        while (cursor.next()) {
            if (!limits.mayWrite(rows)) {
                break;
            }
            Object[] values = cursor.read();
            sb.setLength(0);
            sb.append((rows & 1) == 0 ? TR_EVEN : TR_ODD);
            for (int i = 0; i < columns.length; i++) {
                sb.append(columns[i].kind().numeric() ? TD_NUM : TD);
                Object value = values[i];
                if (value instanceof String s) {
                    Html.escape(sb, s);
                } else if (value != null) {
                    // numbers, dates and booleans need no escaping
                    ValueText.append(sb, value);
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
            w.append(sb);
            rows++;
        }

        sb.setLength(0);
        sb.append("</tbody>\n</table>\n<p style=\"")
                .append(FONT)
                .append("font-size:12px;color:#6c757d;margin:8px 0 0 0;\">");
        if (rows == 0) {
            sb.append("No rows for this period.");
        } else {
            sb.append(rows == 1 ? "1 row" : String.format(java.util.Locale.ROOT, "%,d rows", rows));
            if (limits.stoppedByRows || limits.stoppedBySize) {
                sb.append(" shown; the report has more.");
            }
        }
        sb.append("</p>\n</body></html>\n");
        w.append(sb);
        w.flush();
        return rows;
    }
}
