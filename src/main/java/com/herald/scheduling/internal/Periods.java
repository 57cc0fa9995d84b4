package com.herald.scheduling.internal;

import com.herald.scheduling.Run;
import com.herald.scheduling.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a run's period reads in emails and file names, in the schedule's zone. */
final class Periods {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private Periods() {}

    /**
     * "2026-11-22" for a whole day, "2026-11-16 – 2026-11-22" for whole days, otherwise with times:
     * "2026-11-23 07:00 – 08:00". The end is exclusive, so a day ending at midnight shows the day before.
     */
    static String label(Instant start, Instant end, ZoneId zone) {
        if (end == null) {
            return "";
        }
        ZonedDateTime to = end.atZone(zone);
        if (start == null) {
            return "until " + MINUTE.format(to);
        }
        ZonedDateTime from = start.atZone(zone);
        boolean wholeDays = from.toLocalTime().equals(LocalTime.MIDNIGHT)
                && to.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (wholeDays) {
            ZonedDateTime last = to.minusDays(1);
            return from.toLocalDate().equals(last.toLocalDate())
                    ? DAY.format(from)
                    : DAY.format(from) + " – " + DAY.format(last);
        }
        if (from.toLocalDate().equals(to.toLocalDate())
                && Duration.between(from, to).toHours() < 24) {
            // a run now ends at an odd instant: minutes, never seconds and microseconds
            return MINUTE.format(from) + " – " + TIME.format(to);
        }
        return MINUTE.format(from) + " – " + MINUTE.format(to);
    }

    /** The subject template with its variables filled in; CR and LF never come out. */
    static String subject(Schedule schedule, String periodLabel) {
        Map<String, String> values = Map.of(
                "report", schedule.reportTypeName(),
                "period", periodLabel,
                "schedule", schedule.name(),
                "date", DAY.format(Instant.now().atZone(schedule.timeZone())));
        Matcher m = VARIABLE.matcher(schedule.subject());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[\\r\\n]+", " ").strip();
    }

    /** "daily-sales-2026-11-22": the schedule's name made safe for a file name, and the period's last day. */
    static String fileBaseName(Schedule schedule, Run run) {
        String slug = schedule.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "report";
        }
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        Instant end = run.periodEnd() == null ? run.nominalTime() : run.periodEnd();
        return slug + "-" + DAY.format(end.minusNanos(1000).atZone(schedule.timeZone()));
    }
}
