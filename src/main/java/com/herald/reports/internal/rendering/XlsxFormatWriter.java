package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streaming XLSX with fastexcel: typed cells (numbers, booleans, dates and date-times with a date format, text as
 * inline strings — no shared-strings table grows in memory, and text is never a formula), a bold, filled header row
 * frozen at the top, column widths from the header and the first rows. Rows are flushed to the zip stream every
 * {@value #FLUSH_EVERY} rows. A result longer than Excel's 1,048,576 rows goes on in a further sheet with the header
 * repeated.
 */
final class XlsxFormatWriter implements FormatWriter {

    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    static final String TIME_FORMAT = "hh:mm:ss";
    static final String HEADER_FILL = "D9E1F2";

    /** Rows sampled for the column widths before the first flush. */
    private static final int WIDTH_SAMPLE = 100;

    private static final int FLUSH_EVERY = 1000;
    /**
     * Deflate level: 4 renders 1M rows about 2.5 times faster than 6 for a file 10 % larger; 1 is faster still but 17 %
     * larger (docs/benchmarks.md).
     */
    private static final int COMPRESSION_LEVEL = 4;

    private static final int MAX_TEXT = 32_767;
    /** Excel keeps 15 significant digits; longer numbers are written as text so that no digit is lost. */
    private static final int MAX_DIGITS = 15;

    private static final long MAX_EXACT_LONG = 999_999_999_999_999L;

    /** Rows per sheet, the header included. */
    private final int maxSheetRows;

    XlsxFormatWriter() {
        this(Worksheet.MAX_ROWS);
    }

    XlsxFormatWriter(int maxSheetRows) {
        this.maxSheetRows = maxSheetRows;
    }

    @Override
    public long write(RowCursor cursor, RenderRequest request, CountingOutputStream out, Limits limits)
            throws SQLException, IOException {
        Column[] columns = cursor.columns();
        Workbook workbook = new Workbook(out, "Herald", "1.0");
        workbook.setCompressionLevel(COMPRESSION_LEVEL);
        String baseName = sheetName(request.title());
        int sheetNumber = 1;
        Worksheet ws = newSheet(workbook, baseName, columns);
        String[] formats = formats(columns);
        double[] widths = initialWidths(columns);
        boolean widthsSet = false;
        int r = 1;
        // first row of the rows whose date formats are not set yet
        int block = 1;
        long rows = 0;
        while (cursor.next()) {
            if (!limits.mayWrite(rows)) {
                break;
            }
            if (r >= maxSheetRows) {
                if (!widthsSet) {
                    applyWidths(ws, widths);
                    widthsSet = true;
                }
                formatBlock(ws, formats, block, r - 1);
                ws.finish();
                sheetNumber++;
                ws = newSheet(workbook, baseName + " (" + sheetNumber + ")", columns);
                applyWidths(ws, widths);
                r = 1;
                block = 1;
            }
            Object[] values = cursor.read();
            for (int c = 0; c < columns.length; c++) {
                write(ws, r, c, values[c], request);
            }
            if (!widthsSet) {
                measure(values, widths);
                if (r == WIDTH_SAMPLE) {
                    applyWidths(ws, widths);
                    widthsSet = true;
                }
            }
            rows++;
            r++;
            if (widthsSet && r % FLUSH_EVERY == 0) {
                formatBlock(ws, formats, block, r - 1);
                block = r;
                ws.flush();
            }
        }
        if (!widthsSet) {
            applyWidths(ws, widths);
        }
        formatBlock(ws, formats, block, r - 1);
        workbook.finish();
        out.flush();
        return rows;
    }

    /** The number format of each column: dates, date-times and times need one; others none. */
    private static String[] formats(Column[] columns) {
        String[] formats = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            formats[c] = switch (columns[c].kind()) {
                case DATE -> DATE_FORMAT;
                case DATETIME, DATETIME_TZ -> DATETIME_FORMAT;
                case TIME -> TIME_FORMAT;
                default -> null;
            };
        }
        return formats;
    }

    /**
     * Sets the number formats of rows {@code from..to} column by column: one style call per column and block instead
     * of one per cell (fastexcel merges styles per call, which per cell cost XLSX a third of its time).
     */
    private static void formatBlock(Worksheet ws, String[] formats, int from, int to) {
        if (to < from) {
            return;
        }
        for (int c = 0; c < formats.length; c++) {
            if (formats[c] != null) {
                ws.range(from, c, to, c).style().format(formats[c]).set();
            }
        }
    }

    private static Worksheet newSheet(Workbook workbook, String name, Column[] columns) {
        Worksheet ws = workbook.newWorksheet(name);
        for (int c = 0; c < columns.length; c++) {
            ws.inlineString(0, c, text(columns[c].label()));
        }
        if (columns.length > 0) {
            ws.range(0, 0, 0, columns.length - 1)
                    .style()
                    .bold()
                    .fillColor(HEADER_FILL)
                    .borderStyle("thin")
                    .set();
        }
        ws.freezePane(0, 1);
        return ws;
    }

    private static void write(Worksheet ws, int r, int c, Object value, RenderRequest request) {
        switch (value) {
            case null -> {}
            case String s -> ws.inlineString(r, c, text(s));
            case Long l -> {
                if (Math.abs(l) <= MAX_EXACT_LONG) {
                    ws.value(r, c, l);
                } else {
                    ws.inlineString(r, c, l.toString());
                }
            }
            case BigDecimal d -> {
                if (d.precision() <= MAX_DIGITS) {
                    ws.value(r, c, d);
                } else {
                    ws.inlineString(r, c, d.toPlainString());
                }
            }
            case Double d -> {
                if (Double.isFinite(d)) {
                    ws.value(r, c, d);
                } else {
                    ws.inlineString(r, c, d.toString());
                }
            }
            case Boolean b -> ws.value(r, c, b);
            // number formats are set per block of rows: formatBlock
            case LocalDate d -> ws.value(r, c, d);
            case LocalDateTime dt -> ws.value(r, c, dt);
            // Excel has no time zones: the instant in the request's zone
            case OffsetDateTime odt ->
                ws.value(r, c, odt.atZoneSameInstant(request.zone()).toLocalDateTime());
            case LocalTime t -> ws.value(r, c, t.toNanoOfDay() / 86_400_000_000_000.0);
            case byte[] bytes -> ws.inlineString(r, c, text(HexFormat.of().formatHex(bytes)));
            default -> ws.inlineString(r, c, text(value.toString()));
        }
    }

    /** Excel's cell limit, and no C0 controls (XML 1.0 cannot carry them). */
    private static String text(String s) {
        String t = s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
        for (int i = 0, n = t.length(); i < n; i++) {
            char ch = t.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                StringBuilder sb = new StringBuilder(n);
                for (int j = 0; j < n; j++) {
                    char cj = t.charAt(j);
                    if (cj >= 0x20 || cj == '\t' || cj == '\n' || cj == '\r') {
                        sb.append(cj);
                    }
                }
                return sb.toString();
            }
        }
        return t;
    }

    private static double[] initialWidths(Column[] columns) {
        double[] widths = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            // bold header text is a little wider
            widths[c] = columns[c].label().length() * 1.15 + 2;
            widths[c] = Math.max(
                    widths[c],
                    switch (columns[c].kind()) {
                        case DATE -> 12;
                        case DATETIME, DATETIME_TZ -> 20;
                        case TIME -> 10;
                        default -> 8;
                    });
        }
        return widths;
    }

    private static void measure(Object[] values, double[] widths) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            int length =
                    switch (value) {
                        case null -> 0;
                        case String s -> s.length();
                        case LocalDate d -> 10;
                        case LocalDateTime dt -> 19;
                        case OffsetDateTime odt -> 19;
                        case LocalTime t -> 8;
                        default -> ValueText.of(value).length();
                    };
            widths[c] = Math.max(widths[c], length + 2);
        }
    }

    private static void applyWidths(Worksheet ws, double[] widths) {
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, Math.min(60, Math.max(8, widths[c])));
        }
    }

    /** Excel sheet names: at most 31 characters, none of {@code []:*?/\}, not blank. */
    static String sheetName(String title) {
        String name =
                title == null ? "" : title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (name.isEmpty()) {
            name = "Report";
        }
        // leave room for " (2)"
        return name.length() > 25 ? name.substring(0, 25).strip() : name;
    }
}
