package com.herald.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative date expressions of product.md §3, evaluated at an instant in a time zone (a schedule's nominal
 * fire time in its zone, or "now" in the user's zone for a preview).
 *
 * <p>An expression is a base followed by any number of offsets:
 *
 * <ul>
 *   <li>bases: {@code today} (00:00 of the day), {@code yesterday}, {@code start_of_week} (Monday 00:00),
 *       {@code start_of_month}, {@code start_of_year}, {@code now};
 *   <li>offsets: {@code +N} or {@code -N} followed by a unit: {@code d} days, {@code w} weeks, {@code M}
 *       months, {@code y} years (calendar arithmetic on the wall clock: {@code 2024-03-31 -1M} is
 *       {@code 2024-02-29}), {@code h} hours, {@code m} minutes (elapsed time: across a DST change
 *       {@code now+2h} is two real hours later).
 * </ul>
 *
 * <p>Bases are case-insensitive, units are not ({@code M} months, {@code m} minutes). Spaces around offsets
 * are allowed: {@code start_of_month - 1M}. A start of day that falls in a DST gap is the first instant of
 * that day.
 */
public final class RelativeDates {

    private static final Pattern EXPRESSION =
            Pattern.compile("\\s*([A-Za-z_]+)((?:\\s*[+-]\\s*\\d{1,6}\\s*[dwMyhm])*)\\s*");
    private static final Pattern OFFSET = Pattern.compile("([+-])\\s*(\\d{1,6})\\s*([dwMyhm])");

    private RelativeDates() {}

    /** Whether the text is a relative expression (as opposed to an absolute date or anything else). */
    public static boolean isRelative(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = EXPRESSION.matcher(text);
        return m.matches() && base(m.group(1)) != null;
    }

    /**
     * The instant the expression names, in the zone of {@code at}.
     *
     * @throws IllegalArgumentException with a message fit for a user when the expression is not valid
     */
    public static ZonedDateTime evaluate(String expression, ZonedDateTime at) {
        if (expression == null) {
            throw new IllegalArgumentException("A relative date expression is required");
        }
        Matcher m = EXPRESSION.matcher(expression);
        String base = m.matches() ? base(m.group(1)) : null;
        if (base == null) {
            throw new IllegalArgumentException("'" + expression.strip()
                    + "' is not a relative date: use today, yesterday, start_of_week, start_of_month, "
                    + "start_of_year or now, optionally with offsets such as -7d, +1w, -1M, -1y, +2h, -30m");
        }
        LocalDate day = at.toLocalDate();
        ZonedDateTime value =
                switch (base) {
                    case "now" -> at;
                    case "today" -> day.atStartOfDay(at.getZone());
                    case "yesterday" -> day.minusDays(1).atStartOfDay(at.getZone());
                    case "start_of_week" ->
                        day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .atStartOfDay(at.getZone());
                    case "start_of_month" -> day.withDayOfMonth(1).atStartOfDay(at.getZone());
                    case "start_of_year" -> day.withDayOfYear(1).atStartOfDay(at.getZone());
                    default -> throw new IllegalStateException(base);
                };
        boolean startOfDay = !base.equals("now");
        Matcher offsets = OFFSET.matcher(m.group(2));
        while (offsets.find()) {
            long amount = Long.parseLong(offsets.group(2)) * (offsets.group(1).equals("-") ? -1 : 1);
            value = switch (offsets.group(3)) {
                case "d" -> calendar(value, amount, ChronoUnit.DAYS, startOfDay);
                case "w" -> calendar(value, amount, ChronoUnit.WEEKS, startOfDay);
                case "M" -> calendar(value, amount, ChronoUnit.MONTHS, startOfDay);
                case "y" -> calendar(value, amount, ChronoUnit.YEARS, startOfDay);
                case "h" -> value.plus(amount, ChronoUnit.HOURS);
                case "m" -> value.plus(amount, ChronoUnit.MINUTES);
                default -> throw new IllegalStateException(offsets.group(3));
            };
            if (offsets.group(3).equals("h") || offsets.group(3).equals("m")) {
                startOfDay = false;
            }
        }
        return value;
    }

    /** The date an expression names: its local date in the zone of {@code at}. */
    public static LocalDate evaluateDate(String expression, ZonedDateTime at) {
        return evaluate(expression, at).toLocalDate();
    }

    /** Calendar units move the wall clock; a start of day stays the start of the target day (DST gaps). */
    private static ZonedDateTime calendar(ZonedDateTime value, long amount, ChronoUnit unit, boolean startOfDay) {
        if (startOfDay) {
            return value.toLocalDate().plus(amount, unit).atStartOfDay(value.getZone());
        }
        return value.plus(amount, unit);
    }

    private static String base(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "today", "yesterday", "start_of_week", "start_of_month", "start_of_year", "now" -> lower;
            default -> null;
        };
    }
}
