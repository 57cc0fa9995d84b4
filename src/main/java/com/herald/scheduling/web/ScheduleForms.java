package com.herald.scheduling.web;

import com.herald.identity.HeraldUser;
import com.herald.platform.InvalidRequest;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypes;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.CadenceProblem;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.InvalidCadenceException;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;

/** Between the editor's {@link ScheduleForm} and the scheduling API: draft, cadence, problems on fields. */
final class ScheduleForms {

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    static final List<String> FREQUENCIES = List.of("hourly", "daily", "weekly", "monthly", "cron");

    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[,;\\s]+");

    private ScheduleForms() {}

    /** The editor's result: the draft (its cadence null when it does not parse) and what the form itself found. */
    record Conversion(ScheduleDraft draft, List<InvalidRequest.Problem> problems) {}

    /** An empty editor for a new schedule, in the user's zone. */
    static ScheduleForm blank(HeraldUser user, String teamId) {
        ScheduleForm form = new ScheduleForm();
        form.setTeamId(teamId == null ? "" : teamId);
        form.setTimeZone(zoneOf(user).getId());
        form.setSubject(ScheduleDraft.DEFAULT_SUBJECT);
        form.setTimeoutSeconds(String.valueOf(ScheduleDraft.DEFAULT_TIMEOUT_SECONDS));
        form.setMaxRetries(String.valueOf(ScheduleDraft.DEFAULT_MAX_RETRIES));
        form.setRetryBackoffSeconds(String.valueOf(ScheduleDraft.DEFAULT_RETRY_BACKOFF_SECONDS));
        form.setOverlapPolicy(OverlapPolicy.SKIP.wire());
        form.setCatchupWindowMinutes(String.valueOf(ScheduleDraft.DEFAULT_CATCHUP_WINDOW_MINUTES));
        form.setFlexibleWindowMinutes("0");
        form.setPauseAfterFailures(String.valueOf(ScheduleDraft.DEFAULT_PAUSE_AFTER_FAILURES));
        return form;
    }

    /** The editor filled with a saved schedule. */
    static ScheduleForm of(Schedule s, HeraldUser user) {
        ScheduleForm form = new ScheduleForm();
        form.setVersion(s.version());
        form.setName(s.name());
        form.setDescription(s.description() == null ? "" : s.description());
        form.setTeamId(s.teamId().toString());
        form.setReportType(s.reportType());
        form.setParameters(new LinkedHashMap<>(s.parameters() == null ? Map.of() : s.parameters()));
        form.setFrequency(s.cadence().frequency());
        switch (s.cadence()) {
            case Cadence.Hourly h -> form.setMinute(String.valueOf(h.minute()));
            case Cadence.Daily d -> form.setTime(time(d.hour(), d.minute()));
            case Cadence.Weekly w -> {
                form.setTime(time(w.hour(), w.minute()));
                form.setDaysOfWeek(new ArrayList<>(w.daysOfWeek().stream()
                        .map(day -> day.name().substring(0, 3))
                        .toList()));
            }
            case Cadence.Monthly m -> {
                form.setTime(time(m.hour(), m.minute()));
                form.setDayOfMonth(m.isLastDay() ? "last" : String.valueOf(m.dayOfMonth()));
            }
            case Cadence.Cron c -> form.setExpression(c.expression());
        }
        form.setTimeZone(s.timeZone().getId());
        form.setStartAt(localInput(s.startAt(), s.timeZone()));
        form.setEndAt(localInput(s.endAt(), s.timeZone()));
        form.setListIds(new ArrayList<>(s.listIds().stream().map(UUID::toString).toList()));
        form.setEmails(String.join("\n", s.emails()));
        form.setSubscribeMe(s.subscribed(user.id()));
        form.setFormats(
                new ArrayList<>(s.formats().stream().map(ReportFormat::wire).toList()));
        form.setSubject(s.subject() == null ? "" : s.subject());
        form.setSkipIfEmpty(s.skipIfEmpty());
        form.setTimeoutSeconds(String.valueOf(s.timeoutSeconds()));
        form.setMaxRetries(String.valueOf(s.maxRetries()));
        form.setRetryBackoffSeconds(String.valueOf(s.retryBackoffSeconds()));
        form.setOverlapPolicy(s.overlapPolicy().wire());
        form.setCatchupWindowMinutes(String.valueOf(s.catchupWindowMinutes()));
        form.setFlexibleWindowMinutes(String.valueOf(s.flexibleWindowMinutes()));
        form.setPauseAfterFailures(String.valueOf(s.pauseAfterFailures()));
        form.setExternalId(s.externalId() == null ? "" : s.externalId());
        return form;
    }

    /**
     * The draft the form describes. For an edit ({@code existing} not null) the team, owner, status and
     * deduplication key stay as they are, and other subscribers stay subscribed.
     */
    static Conversion toDraft(ScheduleForm form, HeraldUser user, Schedule existing) {
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        Cadence cadence = null;
        try {
            cadence = cadence(form);
        } catch (InvalidCadenceException e) {
            problems.addAll(cadenceProblems(e));
        }
        ZoneId zone = zone(form.getTimeZone());
        ZoneId inputZone = zone != null ? zone : zoneOf(user);
        Instant startAt = instant(form.getStartAt(), inputZone, "start_at", problems);
        Instant endAt = instant(form.getEndAt(), inputZone, "end_at", problems);

        List<UUID> listIds = new ArrayList<>();
        for (String id : form.getListIds() == null ? List.<String>of() : form.getListIds()) {
            try {
                listIds.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidRequest.Problem("recipients.list_ids", "schedules.form.listUnknown"));
            }
        }
        List<ReportFormat> formats = new ArrayList<>();
        for (String wire : form.getFormats() == null ? List.<String>of() : form.getFormats()) {
            ReportFormat.fromWire(wire)
                    .ifPresentOrElse(
                            formats::add,
                            () -> problems.add(new InvalidRequest.Problem("formats", "schedules.form.formatUnknown")));
        }
        OverlapPolicy overlap = null;
        if (!blank(form.getOverlapPolicy())) {
            overlap = OverlapPolicy.fromWire(form.getOverlapPolicy()).orElse(null);
            if (overlap == null) {
                problems.add(new InvalidRequest.Problem("overlap_policy", "schedules.form.overlapUnknown"));
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (form.getParameters() != null) {
            form.getParameters().forEach((k, v) -> {
                if (!blank(v)) {
                    parameters.put(k, v.strip());
                }
            });
        }
        List<UUID> subscribers = new ArrayList<>(existing == null ? List.of() : existing.subscriberIds());
        subscribers.remove(user.id());
        if (form.isSubscribeMe()) {
            subscribers.add(user.id());
        }
        ScheduleDraft draft = new ScheduleDraft(
                text(form.getName()),
                text(form.getDescription()),
                existing != null ? existing.teamId() : uuid(form.getTeamId()),
                text(form.getReportType()),
                parameters,
                cadence,
                text(form.getTimeZone()),
                startAt,
                endAt,
                listIds,
                emails(form.getEmails()),
                subscribers,
                formats.isEmpty() ? null : formats,
                text(form.getSubject()),
                form.isSkipIfEmpty(),
                integer(form.getTimeoutSeconds(), "timeout_seconds", problems),
                integer(form.getMaxRetries(), "max_retries", problems),
                integer(form.getRetryBackoffSeconds(), "retry_backoff_seconds", problems),
                overlap,
                integer(form.getCatchupWindowMinutes(), "catchup_window_minutes", problems),
                integer(form.getFlexibleWindowMinutes(), "flexible_window_minutes", problems),
                integer(form.getPauseAfterFailures(), "pause_after_failures", problems),
                text(form.getExternalId()),
                existing == null ? null : existing.deduplicationKey(),
                existing == null ? null : existing.status(),
                existing == null ? null : existing.ownerId());
        if (!blank(form.getTeamId()) && existing == null && draft.teamId() == null) {
            problems.add(new InvalidRequest.Problem("team_id", "schedules.form.teamUnknown"));
        }
        return new Conversion(draft, problems);
    }

    /**
     * The draft with the defaults that saving gives an empty field (product.md §3), for {@code check}, which
     * takes a complete draft.
     */
    static ScheduleDraft withDefaults(ScheduleDraft d, HeraldUser user, ReportTypes reportTypes) {
        List<ReportFormat> formats = d.formats();
        if (formats == null) {
            formats = reportTypes
                    .findUsable(user, d.reportType() == null ? "" : d.reportType())
                    .map(t -> List.of(t.defaultFormat()))
                    .orElse(List.of(ReportFormat.CSV));
        }
        return new ScheduleDraft(
                d.name(),
                d.description(),
                d.teamId(),
                d.reportType(),
                d.parameters(),
                d.cadence(),
                d.timeZone() == null ? zoneOf(user).getId() : d.timeZone(),
                d.startAt(),
                d.endAt(),
                d.listIds(),
                d.emails(),
                d.subscriberIds(),
                formats,
                d.subject() == null ? ScheduleDraft.DEFAULT_SUBJECT : d.subject(),
                d.skipIfEmpty(),
                or(d.timeoutSeconds(), ScheduleDraft.DEFAULT_TIMEOUT_SECONDS),
                or(d.maxRetries(), ScheduleDraft.DEFAULT_MAX_RETRIES),
                or(d.retryBackoffSeconds(), ScheduleDraft.DEFAULT_RETRY_BACKOFF_SECONDS),
                d.overlapPolicy() == null ? OverlapPolicy.SKIP : d.overlapPolicy(),
                or(d.catchupWindowMinutes(), ScheduleDraft.DEFAULT_CATCHUP_WINDOW_MINUTES),
                or(d.flexibleWindowMinutes(), 0),
                or(d.pauseAfterFailures(), ScheduleDraft.DEFAULT_PAUSE_AFTER_FAILURES),
                d.externalId(),
                d.deduplicationKey(),
                d.status(),
                d.ownerId());
    }

    private static Integer or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** The cadence the builder describes, read by {@link Cadences#parse} from its api.md fields. */
    static Cadence cadence(ScheduleForm form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String frequency =
                blank(form.getFrequency()) ? null : form.getFrequency().strip();
        fields.put("frequency", frequency);
        if (frequency == null) {
            return Cadences.parse(fields);
        }
        switch (frequency.toLowerCase(Locale.ROOT)) {
            case "hourly" -> fields.put("minute", number(form.getMinute()));
            case "daily" -> putTime(form, fields);
            case "weekly" -> {
                fields.put(
                        "days_of_week",
                        form.getDaysOfWeek() == null
                                ? List.of()
                                : List.copyOf(new LinkedHashSet<>(form.getDaysOfWeek())));
                putTime(form, fields);
            }
            case "monthly" -> {
                String day =
                        form.getDayOfMonth() == null ? "" : form.getDayOfMonth().strip();
                fields.put("day_of_month", day.isEmpty() ? null : day.equalsIgnoreCase("last") ? "last" : number(day));
                putTime(form, fields);
            }
            case "cron" -> fields.put("expression", blank(form.getExpression()) ? null : form.getExpression());
            default -> {
                // Cadences.parse names the frequency
            }
        }
        return Cadences.parse(fields);
    }

    private static void putTime(ScheduleForm form, Map<String, Object> fields) {
        String time = form.getTime();
        if (blank(time)) {
            fields.put("hour", null);
            fields.put("minute", null);
            return;
        }
        Matcher m = TIME.matcher(time);
        if (m.matches()) {
            fields.put("hour", Long.parseLong(m.group(1)));
            fields.put("minute", Long.parseLong(m.group(2)));
        } else {
            fields.put("hour", time);
            fields.put("minute", time);
        }
    }

    /** A whole number as Cadences reads it (a Long), or the text itself so that it says "must be an integer". */
    private static Object number(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static List<InvalidRequest.Problem> cadenceProblems(InvalidCadenceException e) {
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        for (CadenceProblem p : e.problems()) {
            problems.add(cadenceProblem(p));
        }
        return problems;
    }

    private static final Pattern CADENCE_RANGE = Pattern.compile("must be between (\\d+) and (\\d+)");

    /**
     * A cadence problem in the reader's language where Herald knows its wording (the API keeps the English
     * text); a cron parser's own explanation stays as it is.
     */
    static InvalidRequest.Problem cadenceProblem(CadenceProblem p) {
        Matcher range = CADENCE_RANGE.matcher(p.message());
        if (range.matches()) {
            return new InvalidRequest.Problem(p.field(), "schedules.cadence.range", range.group(1), range.group(2));
        }
        return switch (p.message()) {
            case "is required" -> new InvalidRequest.Problem(p.field(), "schedules.cadence.required");
            case "must be an integer" -> new InvalidRequest.Problem(p.field(), "schedules.cadence.integer");
            case "must be between 1 and 31 or \"last\"" ->
                new InvalidRequest.Problem(p.field(), "schedules.cadence.dayOfMonthRange");
            default -> new InvalidRequest.Problem(p.field(), "schedules.cadence.problem", p.message());
        };
    }

    /**
     * The form property an api.md field name belongs to ({@code cadence.hour} → {@code time}), or null for a
     * problem of the whole form.
     */
    static String property(String field, String frequency) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("parameters.")) {
            return "parameters[" + field.substring("parameters.".length()) + "]";
        }
        if (field.equals("cadence") || field.equals("cadence.frequency")) {
            return "frequency";
        }
        if (field.startsWith("cadence.")) {
            return switch (field.substring("cadence.".length())) {
                case "minute" -> "hourly".equals(frequency) ? "minute" : "time";
                case "hour" -> "time";
                case "days_of_week" -> "daysOfWeek";
                case "day_of_month" -> "dayOfMonth";
                case "expression" -> "expression";
                default -> "frequency";
            };
        }
        if (field.startsWith("recipients.emails")) {
            return "emails";
        }
        if (field.startsWith("recipients.list_ids")) {
            return "listIds";
        }
        if (field.startsWith("recipients")) {
            return "recipients";
        }
        if (field.startsWith("formats")) {
            return "formats";
        }
        return switch (field) {
            case "name",
                    "description",
                    "team_id",
                    "report_type",
                    "time_zone",
                    "start_at",
                    "end_at",
                    "subject",
                    "skip_if_empty",
                    "timeout_seconds",
                    "max_retries",
                    "retry_backoff_seconds",
                    "overlap_policy",
                    "catchup_window_minutes",
                    "flexible_window_minutes",
                    "pause_after_failures",
                    "external_id" -> camel(field);
            default -> null;
        };
    }

    /** Puts each problem on its field (once per field and message), or on the form when it has none. */
    static void reject(List<InvalidRequest.Problem> problems, ScheduleForm form, BindingResult result) {
        Set<String> seen = new LinkedHashSet<>();
        for (InvalidRequest.Problem p : problems) {
            String property = property(p.field(), form.getFrequency());
            if (!seen.add(property + "|" + p.messageKey() + "|" + java.util.Arrays.toString(p.args()))) {
                continue;
            }
            if (property != null) {
                result.rejectValue(property, p.messageKey(), p.args(), p.messageKey());
            } else {
                result.reject(p.messageKey(), p.args(), p.messageKey());
            }
        }
    }

    /** Problems of a field the form already reported are not repeated by the manager's check. */
    static List<InvalidRequest.Problem> merge(
            List<InvalidRequest.Problem> local, List<InvalidRequest.Problem> checked) {
        Set<String> localFields = new LinkedHashSet<>();
        local.forEach(p -> localFields.add(p.field()));
        boolean cadenceBroken = localFields.stream().anyMatch(f -> f != null && f.startsWith("cadence"));
        List<InvalidRequest.Problem> all = new ArrayList<>(local);
        for (InvalidRequest.Problem p : checked) {
            String f = p.field();
            if (f != null && (localFields.contains(f) || (cadenceBroken && f.startsWith("cadence")))) {
                continue;
            }
            all.add(p);
        }
        return all;
    }

    static List<String> emails(String text) {
        if (blank(text)) {
            return List.of();
        }
        return EMAIL_SEPARATORS
                .splitAsStream(text.strip())
                .filter(s -> !s.isBlank())
                .distinct()
                .toList();
    }

    static ZoneId zone(String name) {
        if (blank(name) || !ZoneId.getAvailableZoneIds().contains(name.strip())) {
            return null;
        }
        return ZoneId.of(name.strip());
    }

    static ZoneId zoneOf(HeraldUser user) {
        ZoneId zone = zone(user.timeZone());
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /** A {@code datetime-local} value read in the zone; blank is null, anything else unreadable a problem. */
    static Instant instant(String text, ZoneId zone, String field, List<InvalidRequest.Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace(' ', 'T'))
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            problems.add(new InvalidRequest.Problem(field, "schedules.form.dateTime"));
            return null;
        }
    }

    static String localInput(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
    }

    private static Integer integer(String text, String field, List<InvalidRequest.Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidRequest.Problem(field, "schedules.form.integer"));
            return null;
        }
    }

    static UUID uuid(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String time(int hour, int minute) {
        return "%02d:%02d".formatted(hour, minute);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Monday first, for the weekday checkboxes. */
    static DayOfWeek day(String code) {
        return DayOfWeek.of(WEEKDAYS.indexOf(code) + 1);
    }
}
