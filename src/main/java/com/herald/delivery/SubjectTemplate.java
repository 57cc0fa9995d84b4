package com.herald.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule's subject line with {@code {{report}}}, {@code {{period}}}, {@code {{schedule}}} and
 * {@code {{date}}}. {@link #problems} checks a template when it is saved; {@link #render} fills it in
 * for one run and never lets a line break through, whatever the values (a line break in a header would
 * let a value add headers of its own).
 */
public final class SubjectTemplate {

    public static final int MAX_LENGTH = 200;
    public static final Set<String> VARIABLES = Set.of("report", "period", "schedule", "date");

    /** Message keys of {@link #problems}; none takes arguments. */
    public static final String EMPTY = "subject.template.empty";

    public static final String TOO_LONG = "subject.template.tooLong";
    public static final String LINE_BREAK = "subject.template.lineBreak";
    public static final String UNKNOWN_VARIABLE = "subject.template.unknownVariable";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    // every control character (CR, LF, NEL, tab, NUL…) and the Unicode line and paragraph separators
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private SubjectTemplate() {}

    /**
     * What is wrong with the template, as message keys of messages.properties (empty when it is fine):
     * blank, longer than {@value #MAX_LENGTH} characters, a line break, a variable other than
     * report, period, schedule and date.
     */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        if (template == null || template.isBlank()) {
            problems.add(EMPTY);
            return problems;
        }
        if (template.length() > MAX_LENGTH) {
            problems.add(TOO_LONG);
        }
        if (template.indexOf('\r') >= 0 || template.indexOf('\n') >= 0) {
            problems.add(LINE_BREAK);
        }
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                problems.add(UNKNOWN_VARIABLE);
                break;
            }
        }
        return problems;
    }

    /**
     * The subject for one run: each known variable replaced by its value (absent: empty), control
     * characters in the template and the values turned into a space.
     */
    public static String render(String template, Map<String, String> vars) {
        Matcher matcher = VARIABLE.matcher(template == null ? "" : template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = VARIABLES.contains(name) ? vars.getOrDefault(name, "") : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return UNSAFE.matcher(out).replaceAll(" ").strip();
    }
}
