package com.herald.scheduling.web;

import com.herald.scheduling.Cadence;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.DeliveryStatus;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the schedule templates compute for display ({@code ${@scheduleViews.state(s)}}): a schedule's state, badge
 * colours, relative times ("in 3 h") and durations. Public only because Thymeleaf's expressions call it.
 */
@Component("scheduleViews")
public class ScheduleViews {

    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    ScheduleViews(MessageSource messages) {
        this.messages = messages;
    }

    /** active, paused, auto_paused (paused by failures, with a reason) or ended (past its end). */
    public String state(Schedule s) {
        if (s.status() == ScheduleStatus.PAUSED) {
            return s.pausedReason() != null && !s.pausedReason().isBlank() ? "auto_paused" : "paused";
        }
        return s.ended(clock.instant()) ? "ended" : "active";
    }

    public String stateBadge(Schedule s) {
        return switch (state(s)) {
            case "active" -> "text-bg-success";
            case "auto_paused" -> "text-bg-danger";
            case "paused" -> "text-bg-warning";
            default -> "text-bg-secondary";
        };
    }

    public String runBadge(RunStatus status) {
        if (status == null) {
            return "text-bg-light";
        }
        return switch (status) {
            case SUCCEEDED -> "text-bg-success";
            case FAILED, TIMED_OUT -> "text-bg-danger";
            case RUNNING, QUEUED -> "text-bg-info";
            case MISSED -> "text-bg-warning";
            case SKIPPED, EMPTY -> "text-bg-secondary";
        };
    }

    public String deliveryBadge(DeliveryStatus status) {
        return switch (status) {
            case SENT -> "text-bg-success";
            case FAILED -> "text-bg-danger";
            case PENDING, SENDING -> "text-bg-info";
            case SUPPRESSED -> "text-bg-secondary";
        };
    }

    /** "in 3 h", "in 12 min", "5 min ago", "in 2 d"; empty for null. */
    public String relative(Instant when) {
        if (when == null) {
            return "";
        }
        Duration d = Duration.between(clock.instant(), when);
        boolean future = !d.isNegative();
        Duration abs = d.abs();
        String amount;
        if (abs.toMinutes() < 1) {
            return message("schedules.relative.now");
        } else if (abs.toMinutes() < 60) {
            amount = message("schedules.relative.minutes", abs.toMinutes());
        } else if (abs.toHours() < 48) {
            amount = message("schedules.relative.hours", abs.toHours());
        } else {
            amount = message("schedules.relative.days", abs.toDays());
        }
        return message(future ? "schedules.relative.future" : "schedules.relative.past", amount);
    }

    /** How long a run took (or has been running): "2.4 s", "3 min 5 s"; empty before it started. */
    public String duration(Run run) {
        if (run.startedAt() == null) {
            return "";
        }
        Instant end = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        Duration d = Duration.between(run.startedAt(), end);
        if (d.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return message("schedules.duration.minutes", d.toMinutes(), d.toSecondsPart());
    }

    /** A byte count for people: 812 B, 14.2 KB, 3.1 MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /**
     * The cadence in words in the reader's language, with the zone: "Every Monday and Thursday at 08:30,
     * Europe/Berlin" or "Jeden Montag und Donnerstag um 08:30, Europe/Berlin". A cron expression is described in
     * English only (cron-utils has no German); other languages show the expression.
     */
    public String cadence(Cadence cadence, ZoneId zone) {
        Locale locale = LocaleContextHolder.getLocale();
        String words =
                switch (cadence) {
                    case Cadence.Hourly h -> message("schedules.cadence.hourly", h.minute());
                    case Cadence.Daily d -> message("schedules.cadence.daily", time(d.hour(), d.minute()));
                    case Cadence.Weekly w ->
                        w.daysOfWeek().size() == 7
                                ? message("schedules.cadence.daily", time(w.hour(), w.minute()))
                                : message(
                                        "schedules.cadence.weekly",
                                        days(w.daysOfWeek(), locale),
                                        time(w.hour(), w.minute()));
                    case Cadence.Monthly m
                    when m.isLastDay() -> message("schedules.cadence.monthlyLastDay", time(m.hour(), m.minute()));
                    case Cadence.Monthly m
                    when m.fallsBackInShortMonths() ->
                        message(
                                "schedules.cadence.monthlyFallback",
                                String.valueOf(m.dayOfMonth()),
                                time(m.hour(), m.minute()));
                    case Cadence.Monthly m ->
                        message(
                                "schedules.cadence.monthly",
                                String.valueOf(m.dayOfMonth()),
                                time(m.hour(), m.minute()));
                    case Cadence.Cron c ->
                        "en".equals(locale.getLanguage())
                                ? Cadences.describe(c)
                                : message("schedules.cadence.cron", c.expression());
                };
        return message("schedules.cadence.withZone", words, zone.getId());
    }

    private String days(List<DayOfWeek> days, Locale locale) {
        List<String> names = days.stream()
                .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                .toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return message("schedules.cadence.and", String.join(", ", names.subList(0, names.size() - 1)), names.getLast());
    }

    private static String time(int hour, int minute) {
        return "%02d:%02d".formatted(hour, minute);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
