package com.herald.scheduling.internal;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Quartz cron on top of cron-utils, evaluated on wall-clock time only (at UTC, which has no DST): the time
 * zone and its transitions are applied afterwards by {@link FireTimeEngine}.
 */
public final class CronSupport {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final Pattern LATE_NEAREST_WEEKDAY = Pattern.compile("(^|,)(29|30|31)W");

    private CronSupport() {}

    /** Why a Quartz expression is not valid, or null when it is. */
    public static String problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return "is required";
        }
        String[] fields = expression.trim().split("\\s+");
        if (fields.length < 6 || fields.length > 7) {
            return "must have 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found "
                    + fields.length;
        }
        String upper = normalize(expression);
        String[] upperFields = upper.split(" ");
        if (LATE_NEAREST_WEEKDAY.matcher(upperFields[3]).find()) {
            return "day-of-month 'W' (nearest weekday) is supported for days 1 to 28 only";
        }
        if (upperFields[3].equals("?") == upperFields[5].equals("?")) {
            return "exactly one of day-of-month and day-of-week must be '?' (Quartz)";
        }
        try {
            Cron cron = PARSER.parse(upper);
            cron.validate();
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a valid Quartz cron expression: " + clean(e.getMessage());
        }
    }

    /** The expression in upper case with single spaces, as cron-utils reads it. */
    public static String normalize(String expression) {
        return expression.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    static Cron parse(String expression) {
        return PARSER.parse(normalize(expression));
    }

    /** The English description of cron-utils (its {@code CronDescriptor}). */
    public static String describe(String expression) {
        return CronDescriptor.instance(Locale.ENGLISH).describe(parse(expression));
    }

    /** Whether the hour field is {@code *} or a step ({@code *}/2, 0/3): such expressions fire every hour. */
    static boolean everyHour(String expression) {
        String hours = normalize(expression).split(" ")[2];
        return hours.equals("*") || hours.contains("/");
    }

    private static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.replace("Failed to parse cron expression. ", "")
                .replace("Failed to parse '", "cannot read '")
                .trim();
    }

    /** A wall-clock sequence of one cron expression. */
    static WallClock wallClock(String expression) {
        ExecutionTime time = ExecutionTime.forCron(parse(expression));
        boolean everyHour = everyHour(expression);
        return new WallClock() {
            @Override
            public Optional<LocalDateTime> next(LocalDateTime after) {
                return time.nextExecution(ZonedDateTime.of(after, ZoneOffset.UTC))
                        .map(ZonedDateTime::toLocalDateTime);
            }

            @Override
            public Optional<LocalDateTime> previous(LocalDateTime before) {
                return time.lastExecution(ZonedDateTime.of(before, ZoneOffset.UTC))
                        .map(ZonedDateTime::toLocalDateTime);
            }

            @Override
            public boolean everyHour() {
                return everyHour;
            }
        };
    }
}
