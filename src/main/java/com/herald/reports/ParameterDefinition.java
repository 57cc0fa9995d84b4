package com.herald.reports;

import java.util.List;

/**
 * One named parameter of a report type's SQL ({@code :region}). {@code defaultValue} is text as a user
 * would type it (for date and datetime a relative expression such as {@code start_of_month-1M} is allowed);
 * {@code allowedValues} is used by {@link ParameterType#ENUM} (and restricts a string when not empty).
 */
public record ParameterDefinition(
        String name,
        String label,
        ParameterType type,
        boolean required,
        String defaultValue,
        List<String> allowedValues) {

    public ParameterDefinition {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** The label, or the name when no label was given. */
    public String displayLabel() {
        return label == null || label.isBlank() ? name : label;
    }
}
