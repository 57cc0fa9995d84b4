package com.herald.reports.internal;

import com.herald.reports.ParameterDefinition;
import com.herald.reports.ParameterType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parameter definitions as the report type form edits them, one per line:
 * {@code name | label | type | required | default | allowed, values}. Only name and type are needed:
 * {@code region | Region | enum | optional | | EMEA, NA, APAC}. Works without JavaScript.
 */
public final class ParameterLines {

    /** The definitions, or the problems (each a message key and its arguments). */
    public record Parsed(List<ParameterDefinition> definitions, List<SqlProblem> problems) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private ParameterLines() {}

    public static Parsed parse(String text) {
        List<ParameterDefinition> definitions = new ArrayList<>();
        List<SqlProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (text == null) {
            return new Parsed(definitions, problems);
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            int number = i + 1;
            String[] parts =
                    Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            String name = parts[0];
            if (!NAME.matcher(name).matches()) {
                problems.add(SqlProblem.of(
                        "reports.params.badName",
                        "Line " + number + ": '" + name + "' is not a valid parameter name (letters, digits, _).",
                        number,
                        name));
                continue;
            }
            if (!seen.add(name)) {
                problems.add(SqlProblem.of(
                        "reports.params.duplicate",
                        "Line " + number + ": " + name + " is defined twice.",
                        number,
                        name));
                continue;
            }
            String label = part(parts, 1);
            String typeText = part(parts, 2);
            ParameterType type = typeText == null
                    ? ParameterType.STRING
                    : ParameterType.fromWire(typeText).orElse(null);
            if (type == null) {
                problems.add(SqlProblem.of(
                        "reports.params.badType",
                        "Line " + number + ": the type must be string, integer, decimal, date, datetime, boolean "
                                + "or enum.",
                        number));
                continue;
            }
            String requiredText = part(parts, 3);
            boolean required = requiredText != null
                    && Set.of("required", "yes", "true").contains(requiredText.toLowerCase(Locale.ROOT));
            if (requiredText != null
                    && !required
                    && !Set.of("optional", "no", "false").contains(requiredText.toLowerCase(Locale.ROOT))) {
                problems.add(SqlProblem.of(
                        "reports.params.badRequired",
                        "Line " + number + ": the fourth field is 'required' or 'optional'.",
                        number));
                continue;
            }
            String defaultValue = part(parts, 4);
            String allowedText = part(parts, 5);
            List<String> allowed = allowedText == null
                    ? List.of()
                    : Arrays.stream(allowedText.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .distinct()
                            .toList();
            if (type == ParameterType.ENUM && allowed.isEmpty()) {
                problems.add(SqlProblem.of(
                        "reports.params.enumValues",
                        "Line " + number + ": an enum needs its allowed values in the sixth field.",
                        number));
                continue;
            }
            if (defaultValue != null && !allowed.isEmpty() && !allowed.contains(defaultValue)) {
                problems.add(SqlProblem.of(
                        "reports.params.defaultNotAllowed",
                        "Line " + number + ": the default must be one of the allowed values.",
                        number));
                continue;
            }
            definitions.add(new ParameterDefinition(name, label, type, required, defaultValue, allowed));
        }
        return new Parsed(definitions, problems);
    }

    public static String format(List<ParameterDefinition> definitions) {
        StringBuilder out = new StringBuilder();
        for (ParameterDefinition p : definitions) {
            List<String> parts = new ArrayList<>(List.of(
                    p.name(),
                    p.label() == null ? "" : p.label(),
                    p.type().wire(),
                    p.required() ? "required" : "optional",
                    p.defaultValue() == null ? "" : p.defaultValue(),
                    String.join(", ", p.allowedValues())));
            while (parts.getLast().isEmpty()) {
                parts.removeLast();
            }
            out.append(String.join(" | ", parts)).append('\n');
        }
        return out.toString();
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }
}
