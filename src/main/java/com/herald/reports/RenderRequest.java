package com.herald.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What to render and how.
 *
 * @param title report title (PDF and HTML heading, XLSX sheet name)
 * @param periodLabel human-readable reporting period, e.g. "2026-11-22 08:00 – 2026-11-23 08:00"; may be empty
 * @param format output format
 * @param layoutTemplate a report type's own Thymeleaf layout for the PDF, or {@code null} for the default layout
 *     (see docs/rendering.md for the variables it gets)
 * @param variables extra variables for the layout (PDF); never {@code null}
 * @param maxBytes hard cap on the output size: rendering stops at the first row boundary after this many bytes and
 *     reports {@link RenderResult#truncatedBySizeLimit()}; {@code 0} means no cap. This is a safety net for the disk,
 *     not the attachment limit: see {@link SizeLimit}
 * @param maxRows rows to render at most; {@code 0} means the format's default ({@link #DEFAULT_PDF_MAX_ROWS} for PDF,
 *     unlimited for the others); a PDF never renders more than {@link #MAX_PDF_ROWS}
 * @param csvBom whether a CSV starts with the UTF-8 byte order mark (helps Excel detect UTF-8)
 * @param generatedAt the "generated at" instant shown in PDF and HTML
 * @param zone the zone in which {@code generatedAt} is shown
 */
public record RenderRequest(
        String title,
        String periodLabel,
        ReportFormat format,
        String layoutTemplate,
        Map<String, Object> variables,
        long maxBytes,
        long maxRows,
        boolean csvBom,
        Instant generatedAt,
        ZoneId zone) {

    /** Rows a PDF renders at most unless {@link #maxRows} says otherwise: about 300 landscape A4 pages. */
    public static final long DEFAULT_PDF_MAX_ROWS = 10_000;

    /**
     * Rows a PDF renders at most, whatever {@link #maxRows} says: PDFBox keeps about 6 KB per page in memory until the
     * document is saved, so 200,000 rows (about 6,000 pages) hold about 35 MB; a million rows would not fit 256 MB.
     */
    public static final long MAX_PDF_ROWS = 200_000;

    public RenderRequest {
        Objects.requireNonNull(format, "format");
        title = title == null ? "" : title;
        periodLabel = periodLabel == null ? "" : periodLabel;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0");
        }
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0");
        }
        generatedAt = generatedAt == null ? Instant.now() : generatedAt;
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }

    /** A request with the default layout, no variables, no byte cap, the format's row cap, no BOM, now in UTC. */
    public static RenderRequest of(String title, String periodLabel, ReportFormat format) {
        return new RenderRequest(title, periodLabel, format, null, Map.of(), 0, 0, false, null, null);
    }

    public RenderRequest withFormat(ReportFormat format) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    public RenderRequest withLayout(String layoutTemplate, Map<String, Object> variables) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    public RenderRequest withMaxBytes(long maxBytes) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    public RenderRequest withMaxRows(long maxRows) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    public RenderRequest withCsvBom(boolean csvBom) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    public RenderRequest withGeneratedAt(Instant generatedAt, ZoneId zone) {
        return new RenderRequest(
                title, periodLabel, format, layoutTemplate, variables, maxBytes, maxRows, csvBom, generatedAt, zone);
    }

    /**
     * The row cap in force: {@link #maxRows} if set, else the format's default; {@link Long#MAX_VALUE} for none. A PDF
     * never exceeds {@link #MAX_PDF_ROWS}.
     */
    public long effectiveMaxRows() {
        if (format == ReportFormat.PDF) {
            return maxRows > 0 ? Math.min(maxRows, MAX_PDF_ROWS) : DEFAULT_PDF_MAX_ROWS;
        }
        return maxRows > 0 ? maxRows : Long.MAX_VALUE;
    }
}
