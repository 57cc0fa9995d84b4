package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV: comma, CRLF, fields quoted when they hold a comma, quote, CR or LF; UTF-8, optionally with a BOM. The
 * header row holds the column labels. Values are written exactly as they are (see {@link ValueText}); a text value
 * starting with {@code =} stays as it is — see docs/rendering.md on spreadsheet formulas.
 */
final class CsvFormatWriter implements FormatWriter {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    @Override
    public long write(RowCursor cursor, RenderRequest request, CountingOutputStream out, Limits limits)
            throws SQLException, IOException {
        Writer writer = new Utf8Writer(out);
        if (request.csvBom()) {
            writer.write('\uFEFF');
        }
        // not closed: closing would close the caller's stream
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(cursor.labels());
        int n = cursor.columns().length;
        String[] texts = new String[n];
        StringBuilder sb = new StringBuilder(64);
        long rows = 0;
        while (cursor.next()) {
            if (!limits.mayWrite(rows)) {
                break;
            }
            Object[] values = cursor.read();
            for (int i = 0; i < n; i++) {
                Object value = values[i];
                if (value == null) {
                    texts[i] = "";
                } else if (value instanceof String s) {
                    texts[i] = s;
                } else {
                    sb.setLength(0);
                    ValueText.append(sb, value);
                    texts[i] = sb.toString();
                }
            }
            // print and println, not printRecord: printRecord goes through a Stream per row
            for (String text : texts) {
                printer.print(text);
            }
            printer.println();
            rows++;
        }
        printer.flush();
        return rows;
    }
}
