package com.herald.reports;

import java.util.Locale;
import java.util.Optional;

/** The type of a report parameter; {@link #wire()} is the lower-case name used in JSON, forms and docs. */
public enum ParameterType {
    STRING,
    INTEGER,
    DECIMAL,
    DATE,
    DATETIME,
    BOOLEAN,
    ENUM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ParameterType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ParameterType type : values()) {
            if (type.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
