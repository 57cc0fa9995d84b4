package com.herald.scheduling;

import com.herald.scheduling.internal.CronSupport;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading a cadence from its api.md fields, and describing one in English. */
public final class Cadences {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "hourly", Set.of("minute"),
            "daily", Set.of("hour", "minute"),
            "weekly", Set.of("days_of_week", "hour", "minute"),
            "monthly", Set.of("day_of_month", "hour", "minute"),
            "cron", Set.of("expression"));
    private static final Set<String> ALL_FIELDS =
            Set.of("frequency", "minute", "hour", "days_of_week", "day_of_month", "expression");
    private static final List<String> DAY_CODES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private Cadences() {}

    /**
     * A cadence from the api.md {@code cadence} object (values as Jackson reads them: strings, numbers, lists),
     * or an {@link InvalidCadenceException} naming every bad field ({@code cadence.hour}, ...). Unknown fields,
     * and fields that the frequency does not use, are problems too.
     */
    public static Cadence parse(Map<String, ?> fields) {
        List<CadenceProblem> problems = new ArrayList<>();
        if (fields == null) {
            throw new InvalidCadenceException(List.of(new CadenceProblem("cadence", "is required")));
        }
        Object frequencyValue = fields.get("frequency");
        String frequency = null;
        if (frequencyValue == null) {
            problems.add(new CadenceProblem("cadence.frequency", "is required"));
        } else if (!(frequencyValue instanceof String s) || !FIELDS.containsKey(s.toLowerCase(Locale.ROOT))) {
            problems.add(
                    new CadenceProblem("cadence.frequency", "must be one of hourly, daily, weekly, monthly, cron"));
        } else {
            frequency = s.toLowerCase(Locale.ROOT);
        }
        for (String name : fields.keySet().stream().sorted().toList()) {
            if (!ALL_FIELDS.contains(name)) {
                problems.add(new CadenceProblem("cadence." + name, "unknown field"));
            } else if (frequency != null
                    && !name.equals("frequency")
                    && !FIELDS.get(frequency).contains(name)
                    && fields.get(name) != null) {
                problems.add(new CadenceProblem("cadence." + name, "is not used by frequency " + frequency));
            }
        }
        if (frequency == null) {
            throw new InvalidCadenceException(problems);
        }
        // Fields that could not be read are replaced by a valid placeholder, so that the constructor still
        // reports the range problems of the others; a field is named once.
        Cadence cadence = null;
        try {
            cadence = switch (frequency) {
                case "hourly" -> new Cadence.Hourly(or(integer(fields, "minute", problems), 0));
                case "daily" ->
                    new Cadence.Daily(
                            or(integer(fields, "hour", problems), 0), or(integer(fields, "minute", problems), 0));
                case "weekly" -> {
                    List<DayOfWeek> days = days(fields, problems);
                    yield new Cadence.Weekly(
                            days == null ? List.of(DayOfWeek.MONDAY) : days,
                            or(integer(fields, "hour", problems), 0),
                            or(integer(fields, "minute", problems), 0));
                }
                case "monthly" ->
                    new Cadence.Monthly(
                            or(dayOfMonth(fields, problems), 1),
                            or(integer(fields, "hour", problems), 0),
                            or(integer(fields, "minute", problems), 0));
                default -> {
                    Object expression = fields.get("expression");
                    if (expression == null) {
                        problems.add(new CadenceProblem("cadence.expression", "is required"));
                    } else if (!(expression instanceof String)) {
                        problems.add(new CadenceProblem("cadence.expression", "must be a string"));
                    }
                    yield expression instanceof String text ? new Cadence.Cron(text) : null;
                }
            };
        } catch (InvalidCadenceException e) {
            for (CadenceProblem problem : e.problems()) {
                if (problems.stream().noneMatch(p -> p.field().equals(problem.field()))) {
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCadenceException(problems);
        }
        return cadence;
    }

    private static int or(Integer value, int placeholder) {
        return value == null ? placeholder : value;
    }

    /** Reads an integer field; a missing one is "is required", a range problem is left to the constructor. */
    private static Integer integer(Map<String, ?> fields, String name, List<CadenceProblem> problems) {
        Object value = fields.get(name);
        if (value == null) {
            problems.add(new CadenceProblem("cadence." + name, "is required"));
            return null;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        problems.add(new CadenceProblem("cadence." + name, "must be an integer"));
        return null;
    }

    private static List<DayOfWeek> days(Map<String, ?> fields, List<CadenceProblem> problems) {
        Object value = fields.get("days_of_week");
        String message = "must be a non-empty list of MON, TUE, WED, THU, FRI, SAT, SUN";
        if (value == null) {
            problems.add(new CadenceProblem("cadence.days_of_week", "is required"));
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(new CadenceProblem("cadence.days_of_week", message));
            return null;
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (Object item : list) {
            int index = item instanceof String s ? DAY_CODES.indexOf(s.toUpperCase(Locale.ROOT)) : -1;
            if (index < 0) {
                problems.add(new CadenceProblem("cadence.days_of_week", message));
                return null;
            }
            days.add(DayOfWeek.of(index + 1));
        }
        return days;
    }

    private static Integer dayOfMonth(Map<String, ?> fields, List<CadenceProblem> problems) {
        Object value = fields.get("day_of_month");
        if (value == null) {
            problems.add(new CadenceProblem("cadence.day_of_month", "is required"));
            return null;
        }
        if (value instanceof String s && s.equalsIgnoreCase("last")) {
            return Cadence.Monthly.LAST_DAY;
        }
        if ((value instanceof Integer || value instanceof Long)
                && ((Number) value).longValue() >= 1
                && ((Number) value).longValue() <= 31) {
            return ((Number) value).intValue();
        }
        problems.add(new CadenceProblem("cadence.day_of_month", "must be between 1 and 31 or \"last\""));
        return null;
    }

    /** English, without the zone: "Every Monday and Thursday at 08:30". */
    public static String describe(Cadence cadence) {
        return switch (cadence) {
            case Cadence.Hourly h -> "Every hour at minute " + h.minute();
            case Cadence.Daily d -> "Every day at " + time(d.hour(), d.minute());
            case Cadence.Weekly w ->
                w.daysOfWeek().size() == 7
                        ? "Every day at " + time(w.hour(), w.minute())
                        : "Every "
                                + joined(w.daysOfWeek().stream()
                                        .map(Cadences::dayName)
                                        .toList()) + " at " + time(w.hour(), w.minute());
            case Cadence.Monthly m
            when m.isLastDay() -> "On the last day of every month at " + time(m.hour(), m.minute());
            case Cadence.Monthly m
            when m.fallsBackInShortMonths() ->
                "On day " + m.dayOfMonth() + " of every month (the last day in shorter months) at "
                        + time(m.hour(), m.minute());
            case Cadence.Monthly m -> "On day " + m.dayOfMonth() + " of every month at " + time(m.hour(), m.minute());
            case Cadence.Cron c -> capitalize(CronSupport.describe(c.expression()));
        };
    }

    /** English, with the zone: "Every Monday and Thursday at 08:30, Europe/Berlin". */
    public static String describe(Cadence cadence, ZoneId zone) {
        return describe(cadence) + ", " + zone.getId();
    }

    private static String time(int hour, int minute) {
        return "%02d:%02d".formatted(hour, minute);
    }

    private static String dayName(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String capitalize(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? trimmed : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
