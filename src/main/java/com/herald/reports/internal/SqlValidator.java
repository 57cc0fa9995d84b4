package com.herald.reports.internal;

import com.herald.reports.ReportTypeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/**
 * Checks a report type's SQL when it is saved: one SELECT (or WITH … SELECT) statement, nothing that
 * writes, named parameters only, and the parameters used and defined match both ways. This is the first
 * line; connections are also opened read-only and demo accounts may only SELECT.
 */
public final class SqlValidator {

    /** Words that have no business in a report query, matched as whole words outside strings and comments. */
    static final Set<String> FORBIDDEN = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "drop",
            "create",
            "alter",
            "truncate",
            "rename",
            "grant",
            "revoke",
            "call",
            "exec",
            "execute",
            "handler",
            "load",
            "lock",
            "unlock",
            "into",
            "copy",
            "vacuum",
            "commit",
            "rollback",
            "shutdown",
            "kill",
            "flush",
            "purge");

    private static final Set<String> RESERVED = Set.of(ReportTypeInfo.PERIOD_START, ReportTypeInfo.PERIOD_END);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9$]*");

    private SqlValidator() {}

    /** The named parameters the SQL uses, in order of first use. */
    public static Set<String> parameterNames(String sql) {
        List<SqlParameter> parameters = NamedParameterUtils.buildSqlParameterList(
                NamedParameterUtils.parseSqlStatement(sql), new MapSqlParameterSource());
        Set<String> names = new LinkedHashSet<>();
        for (SqlParameter parameter : parameters) {
            names.add(parameter.getName());
        }
        return names;
    }

    /** Every problem found; empty when the SQL may be saved with these parameter definitions. */
    public static List<SqlProblem> check(String sql, Collection<String> definedParameters) {
        List<SqlProblem> problems = new ArrayList<>();
        if (sql == null || sql.isBlank()) {
            problems.add(SqlProblem.of("reports.sql.empty", "Enter the SQL query."));
            return problems;
        }
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        String code;
        try {
            code = codeOnly(statement);
        } catch (IllegalArgumentException e) {
            problems.add(SqlProblem.of(e.getMessage(), messageFor(e.getMessage())));
            return problems;
        }
        if (code.contains(";")) {
            problems.add(SqlProblem.of(
                    "reports.sql.multiple", "Only one statement is allowed: remove the ';' between statements."));
        }
        Matcher words = WORD.matcher(code);
        String first = words.find() ? words.group().toLowerCase(Locale.ROOT) : "";
        if (!first.equals("select") && !first.equals("with")) {
            problems.add(
                    SqlProblem.of("reports.sql.notSelect", "The query must be a SELECT statement (or WITH … SELECT)."));
        }
        Set<String> forbidden = new LinkedHashSet<>();
        words.reset();
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (FORBIDDEN.contains(word)) {
                forbidden.add(word.toUpperCase(Locale.ROOT));
            }
        }
        if (!forbidden.isEmpty()) {
            problems.add(SqlProblem.of(
                    "reports.sql.forbidden",
                    "The query may only read data; remove " + String.join(", ", forbidden) + ".",
                    String.join(", ", forbidden)));
        }
        if (code.contains("?")) {
            problems.add(
                    SqlProblem.of("reports.sql.positional", "Use named parameters such as :region instead of '?'."));
        }
        Set<String> used;
        try {
            used = parameterNames(statement);
        } catch (RuntimeException e) {
            problems.add(SqlProblem.of("reports.sql.unparsable", "The query's parameters cannot be read."));
            return problems;
        }
        Set<String> defined = new LinkedHashSet<>(definedParameters);
        Set<String> reservedDefined = new LinkedHashSet<>(defined);
        reservedDefined.retainAll(RESERVED);
        if (!reservedDefined.isEmpty()) {
            problems.add(SqlProblem.of(
                    "reports.sql.reservedDefined",
                    String.join(", ", reservedDefined) + " are set by Herald for every run; remove their definition.",
                    String.join(", ", reservedDefined)));
        }
        Set<String> undefined = new LinkedHashSet<>(used);
        undefined.removeAll(defined);
        undefined.removeAll(RESERVED);
        if (!undefined.isEmpty()) {
            problems.add(SqlProblem.of(
                    "reports.sql.undefined",
                    "Used in the SQL but not defined: " + colonList(undefined) + ".",
                    colonList(undefined)));
        }
        Set<String> unused = new LinkedHashSet<>(defined);
        unused.removeAll(used);
        unused.removeAll(RESERVED);
        if (!unused.isEmpty()) {
            problems.add(SqlProblem.of(
                    "reports.sql.unused",
                    "Defined but not used in the SQL: " + String.join(", ", unused) + ".",
                    String.join(", ", unused)));
        }
        return problems;
    }

    private static String colonList(Set<String> names) {
        return String.join(", ", names.stream().map(n -> ":" + n).toList());
    }

    private static String messageFor(String code) {
        return switch (code) {
            case "reports.sql.executableComment" ->
                "Comments of the form /*! … */ are executed by MariaDB and are not allowed.";
            case "reports.sql.hashComment" -> "Use -- or /* … */ for comments, not #.";
            case "reports.sql.backslash" ->
                "Backslashes in strings are not allowed (databases read them differently); write a quote as ''.";
            default -> "A string, quoted name or comment is not closed.";
        };
    }

    /**
     * The statement with strings, quoted identifiers and comments replaced by a space, so that keyword
     * checks only see code. A backslash in a string is refused (MariaDB reads it as an escape, PostgreSQL does
     * not, so the statement's end would be ambiguous); a string it cannot close is an error.
     */
    static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '\\' && c != '`') {
                        throw new IllegalArgumentException("reports.sql.backslash");
                    }
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    j++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("reports.sql.unclosed");
                }
                out.append(' ');
                i = j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '#') {
                throw new IllegalArgumentException("reports.sql.hashComment");
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                if (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i) || sql.startsWith("/*m!", i)) {
                    throw new IllegalArgumentException("reports.sql.executableComment");
                }
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("reports.sql.unclosed");
                }
                out.append(' ');
                i = end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
