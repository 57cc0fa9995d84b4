package com.herald.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns parameter values as typed (forms, API, a schedule's stored values) into typed values to bind:
 * {@code String}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime} (wall clock in
 * the zone of {@code at}), {@code Boolean}. Dates and datetimes may be relative expressions
 * ({@link RelativeDates}), evaluated at {@code at}. An empty value takes the definition's default.
 */
public final class ParameterValues {

    /** One parameter's problem; {@code code} is a message key, {@code defaultMessage} its English text. */
    public record Problem(String parameter, String code, List<Object> args, String defaultMessage) {}

    /** Thrown by {@link #bind} with every problem found, never half a result. */
    public static final class InvalidParametersException extends IllegalArgumentException {
        private final transient List<Problem> problems;

        public InvalidParametersException(List<Problem> problems) {
            super(problems.stream()
                    .map(p -> p.parameter() + ": " + p.defaultMessage())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid parameters"));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private ParameterValues() {}

    /** Typed values for every definition (null for an optional one left empty). */
    public static Map<String, Object> bind(
            List<ParameterDefinition> definitions, Map<String, String> raw, ZonedDateTime at) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (ParameterDefinition definition : definitions) {
            String text = raw.get(definition.name());
            if (text == null || text.isBlank()) {
                text = definition.defaultValue();
            }
            if (text == null || text.isBlank()) {
                if (definition.required()) {
                    problems.add(new Problem(
                            definition.name(),
                            "reports.param.required",
                            List.of(definition.displayLabel()),
                            definition.displayLabel() + " is required"));
                }
                values.put(definition.name(), null);
                continue;
            }
            try {
                values.put(definition.name(), convert(definition, text.strip(), at));
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                problems.add(problem(definition, text.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return values;
    }

    /** A date-time as typed: ISO ({@code 2026-01-31T08:00}, space allowed, or a date for its midnight) or relative. */
    public static LocalDateTime parseDateTime(String text, ZonedDateTime at) {
        String value = text.strip();
        if (RelativeDates.isRelative(value)) {
            return RelativeDates.evaluate(value, at).toLocalDateTime();
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay();
        }
        return LocalDateTime.parse(value.replace(' ', 'T'));
    }

    /** A date as typed: ISO ({@code 2026-01-31}) or relative. */
    public static LocalDate parseDate(String text, ZonedDateTime at) {
        String value = text.strip();
        if (RelativeDates.isRelative(value)) {
            return RelativeDates.evaluateDate(value, at);
        }
        return LocalDate.parse(value);
    }

    private static Object convert(ParameterDefinition definition, String text, ZonedDateTime at) {
        return switch (definition.type()) {
            case STRING -> {
                if (!definition.allowedValues().isEmpty()
                        && !definition.allowedValues().contains(text)) {
                    throw new IllegalArgumentException(text);
                }
                yield text;
            }
            case ENUM -> {
                if (!definition.allowedValues().contains(text)) {
                    throw new IllegalArgumentException(text);
                }
                yield text;
            }
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> parseDate(text, at);
            case DATETIME -> parseDateTime(text, at);
            case BOOLEAN ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1", "on" -> Boolean.TRUE;
                    case "false", "no", "0", "off" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException(text);
                };
        };
    }

    private static Problem problem(ParameterDefinition definition, String text) {
        String label = definition.displayLabel();
        return switch (definition.type()) {
            case ENUM, STRING ->
                new Problem(
                        definition.name(),
                        "reports.param.notAllowed",
                        List.of(label, String.join(", ", definition.allowedValues())),
                        label + " must be one of " + String.join(", ", definition.allowedValues()));
            case INTEGER ->
                new Problem(
                        definition.name(), "reports.param.integer", List.of(label), label + " must be a whole number");
            case DECIMAL ->
                new Problem(definition.name(), "reports.param.decimal", List.of(label), label + " must be a number");
            case DATE ->
                new Problem(
                        definition.name(),
                        "reports.param.date",
                        List.of(label),
                        label + " must be a date like 2026-01-31 or a relative date like today-7d");
            case DATETIME ->
                new Problem(
                        definition.name(),
                        "reports.param.datetime",
                        List.of(label),
                        label + " must be a date and time like 2026-01-31 08:00 or a relative date like now-2h");
            case BOOLEAN ->
                new Problem(
                        definition.name(), "reports.param.boolean", List.of(label), label + " must be true or false");
        };
    }
}
