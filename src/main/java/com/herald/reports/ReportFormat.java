package com.herald.reports;

import java.util.Optional;

/** The output formats a report renders to, with the file extension and the MIME type of each. */
public enum ReportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html; charset=UTF-8");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** File extension without the dot, e.g. {@code "xlsx"}. */
    public String extension() {
        return extension;
    }

    /** MIME type for an attachment or a download, e.g. {@code "text/csv; charset=UTF-8"}. */
    public String contentType() {
        return contentType;
    }

    /** The format named {@code name} or with that extension, ignoring case ({@code "xlsx"}, {@code "PDF"}). */
    public static Optional<ReportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip();
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(key) || format.extension.equalsIgnoreCase(key)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used in forms, JSON and the database: {@code "xlsx"}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The format with that lower-case name, ignoring case and surrounding spaces. */
    public static Optional<ReportFormat> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ReportFormat format : values()) {
            if (format.wire().equals(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** {@code name} plus this format's extension: {@code fileName("sales-2026-11")} is {@code "sales-2026-11.csv"}. */
    public String fileName(String baseName) {
        return baseName + "." + extension;
    }
}
