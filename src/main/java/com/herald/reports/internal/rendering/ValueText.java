package com.herald.reports.internal.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The text of a value in CSV, HTML and PDF: empty for null, BigDecimal exact without exponent, dates and times in
 * ISO 8601 ({@code 2026-11-23}, {@code 2026-11-23T08:00:00}, {@code 2026-11-23T08:00:00+01:00}), booleans
 * {@code true}/{@code false}, binary as hex.
 */
final class ValueText {

    private ValueText() {}

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder(32);
        append(sb, value);
        return sb.toString();
    }

    static void append(StringBuilder sb, Object value) {
        switch (value) {
            case null -> {}
            case String s -> sb.append(s);
            case Long l -> sb.append(l.longValue());
            case BigDecimal d -> sb.append(d.toPlainString());
            case Double d -> appendDouble(sb, d);
            case Boolean b -> sb.append(b.booleanValue());
            case LocalDate d -> appendDate(sb, d);
            case LocalDateTime dt -> appendDateTime(sb, dt);
            case LocalTime t -> appendTime(sb, t);
            case OffsetDateTime odt -> sb.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt));
            case byte[] bytes -> sb.append(HexFormat.of().formatHex(bytes));
            default -> sb.append(value);
        }
    }

    private static void appendDouble(StringBuilder sb, double d) {
        double abs = Math.abs(d);
        if (Double.isFinite(d) && abs != 0 && (abs < 1e-3 || abs >= 1e7)) {
            // Double.toString would say 1.0E7; spreadsheets and people prefer plain digits
            sb.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else {
            sb.append(d);
        }
    }

    static void appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            sb.append(DateTimeFormatter.ISO_LOCAL_DATE.format(d));
            return;
        }
        pad4(sb, year);
        sb.append('-');
        pad2(sb, d.getMonthValue());
        sb.append('-');
        pad2(sb, d.getDayOfMonth());
    }

    static void appendTime(StringBuilder sb, LocalTime t) {
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
        sb.append(':');
        pad2(sb, t.getSecond());
        int nano = t.getNano();
        if (nano != 0) {
            sb.append('.');
            if (nano % 1_000_000 == 0) {
                pad(sb, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                pad(sb, nano / 1000, 6);
            } else {
                pad(sb, nano, 9);
            }
        }
    }

    static void appendDateTime(StringBuilder sb, LocalDateTime dt) {
        appendDate(sb, dt.toLocalDate());
        sb.append('T');
        appendTime(sb, dt.toLocalTime());
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static void pad4(StringBuilder sb, int v) {
        pad(sb, v, 4);
    }

    private static void pad(StringBuilder sb, int v, int width) {
        int digits = v == 0 ? 1 : (int) Math.log10(v) + 1;
        for (int i = digits; i < width; i++) {
            sb.append('0');
        }
        sb.append(v);
    }
}
