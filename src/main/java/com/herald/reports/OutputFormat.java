package com.herald.reports;

import java.util.Locale;
import java.util.Optional;

/** The formats a report renders to (product.md §4); {@link #wire()} is the lower-case name. */
public enum OutputFormat {
    CSV,
    XLSX,
    PDF,
    HTML;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputFormat> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (OutputFormat format : values()) {
            if (format.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
