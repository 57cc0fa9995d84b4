package com.herald.scheduling;

import com.herald.scheduling.internal.CronSupport;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a schedule fires, as wall-clock times in the schedule's zone (product.md §3, api.md {@code cadence}).
 * The builder cadences produce an equivalent Quartz cron ({@link #toCron()}), so one engine evaluates all of
 * them; the one exception is a monthly day 29–31, which falls back to the last day of shorter months (see
 * {@link Monthly}). Constructors validate and throw {@link InvalidCadenceException}.
 */
public sealed interface Cadence {

    /** The api.md {@code frequency}: hourly, daily, weekly, monthly or cron. */
    String frequency();

    /** The equivalent Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]). */
    String toCron();

    /** The api.md JSON shape of this cadence, in field order. */
    Map<String, Object> toFields();

    /** Every hour at {@code minute}. */
    record Hourly(int minute) implements Cadence {
        public Hourly {
            List<CadenceProblem> problems = new ArrayList<>();
            checkMinute(minute, problems);
            throwIf(problems);
        }

        @Override
        public String frequency() {
            return "hourly";
        }

        @Override
        public String toCron() {
            return "0 " + minute + " * * * ?";
        }

        @Override
        public Map<String, Object> toFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("frequency", frequency());
            fields.put("minute", minute);
            return fields;
        }
    }

    /** Every day at {@code hour:minute}. */
    record Daily(int hour, int minute) implements Cadence {
        public Daily {
            List<CadenceProblem> problems = new ArrayList<>();
            checkHour(hour, problems);
            checkMinute(minute, problems);
            throwIf(problems);
        }

        @Override
        public String frequency() {
            return "daily";
        }

        @Override
        public String toCron() {
            return "0 " + minute + " " + hour + " * * ?";
        }

        @Override
        public Map<String, Object> toFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("frequency", frequency());
            fields.put("hour", hour);
            fields.put("minute", minute);
            return fields;
        }
    }

    /** On one or more weekdays at {@code hour:minute}; the days are kept sorted Monday first, without repeats. */
    record Weekly(List<DayOfWeek> daysOfWeek, int hour, int minute) implements Cadence {
        public Weekly {
            List<CadenceProblem> problems = new ArrayList<>();
            if (daysOfWeek == null
                    || daysOfWeek.isEmpty()
                    || daysOfWeek.stream().anyMatch(java.util.Objects::isNull)) {
                problems.add(new CadenceProblem(
                        "cadence.days_of_week", "must be a non-empty list of MON, TUE, WED, THU, FRI, SAT, SUN"));
            } else {
                daysOfWeek = List.copyOf(new TreeSet<>(daysOfWeek));
            }
            checkHour(hour, problems);
            checkMinute(minute, problems);
            throwIf(problems);
        }

        @Override
        public String frequency() {
            return "weekly";
        }

        @Override
        public String toCron() {
            return "0 " + minute + " " + hour + " ? * "
                    + daysOfWeek.stream().map(Cadence::dayCode).collect(Collectors.joining(","));
        }

        @Override
        public Map<String, Object> toFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("frequency", frequency());
            fields.put("days_of_week", daysOfWeek.stream().map(Cadence::dayCode).toList());
            fields.put("hour", hour);
            fields.put("minute", minute);
            return fields;
        }
    }

    /**
     * On day {@code dayOfMonth} (1–31) or the last day ({@link #LAST_DAY}) of every month at {@code hour:minute}.
     * Days 29–31 fall back to the month's last day in shorter months (day 31 fires on 30 April and 28 or 29
     * February); {@link #toCron()} then gives the plain Quartz day, which alone would skip those months.
     */
    record Monthly(int dayOfMonth, int hour, int minute) implements Cadence {

        /** {@code dayOfMonth} for "the last day of the month" (api.md {@code "last"}). */
        public static final int LAST_DAY = 0;

        public Monthly {
            List<CadenceProblem> problems = new ArrayList<>();
            if (dayOfMonth < 0 || dayOfMonth > 31) {
                problems.add(new CadenceProblem("cadence.day_of_month", "must be between 1 and 31 or \"last\""));
            }
            checkHour(hour, problems);
            checkMinute(minute, problems);
            throwIf(problems);
        }

        public static Monthly lastDay(int hour, int minute) {
            return new Monthly(LAST_DAY, hour, minute);
        }

        public boolean isLastDay() {
            return dayOfMonth == LAST_DAY;
        }

        /** Whether shorter months fall back to their last day (day 29, 30 or 31). */
        public boolean fallsBackInShortMonths() {
            return dayOfMonth > 28;
        }

        @Override
        public String frequency() {
            return "monthly";
        }

        @Override
        public String toCron() {
            return "0 " + minute + " " + hour + " " + (isLastDay() ? "L" : String.valueOf(dayOfMonth)) + " * ?";
        }

        @Override
        public Map<String, Object> toFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("frequency", frequency());
            fields.put("day_of_month", isLastDay() ? "last" : dayOfMonth);
            fields.put("hour", hour);
            fields.put("minute", minute);
            return fields;
        }
    }

    /**
     * A Quartz cron expression: seconds minutes hours day-of-month month day-of-week [year], with
     * {@code * , - / ? L W #}; names are case-insensitive. Stored trimmed, with single spaces.
     */
    record Cron(String expression) implements Cadence {
        public Cron {
            expression = expression == null ? null : expression.trim().replaceAll("\\s+", " ");
            String problem = CronSupport.problem(expression);
            if (problem != null) {
                throw new InvalidCadenceException(List.of(new CadenceProblem("cadence.expression", problem)));
            }
        }

        @Override
        public String frequency() {
            return "cron";
        }

        @Override
        public String toCron() {
            return expression.toUpperCase(Locale.ROOT);
        }

        @Override
        public Map<String, Object> toFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("frequency", frequency());
            fields.put("expression", expression);
            return fields;
        }
    }

    private static void checkHour(int hour, List<CadenceProblem> problems) {
        if (hour < 0 || hour > 23) {
            problems.add(new CadenceProblem("cadence.hour", "must be between 0 and 23"));
        }
    }

    private static void checkMinute(int minute, List<CadenceProblem> problems) {
        if (minute < 0 || minute > 59) {
            problems.add(new CadenceProblem("cadence.minute", "must be between 0 and 59"));
        }
    }

    private static void throwIf(List<CadenceProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidCadenceException(problems);
        }
    }

    private static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
