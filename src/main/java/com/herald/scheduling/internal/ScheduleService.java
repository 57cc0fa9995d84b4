package com.herald.scheduling.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.identity.HeraldUser;
import com.herald.identity.Member;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamService;
import com.herald.platform.Ids;
import com.herald.platform.InvalidRequest.Problem;
import com.herald.recipients.RecipientListUsage;
import com.herald.recipients.RecipientLists;
import com.herald.reports.ParameterValues;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunPage;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.RunTrigger;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleDraft;
import com.herald.scheduling.ScheduleException;
import com.herald.scheduling.ScheduleException.Kind;
import com.herald.scheduling.ScheduleManager;
import com.herald.scheduling.SchedulePage;
import com.herald.scheduling.ScheduleQuery;
import com.herald.scheduling.ScheduleStatus;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place schedule rules live: the portal and the API both come through here. */
@Service
class ScheduleService implements ScheduleManager, RecipientListUsage {

    static final Set<String> SUBJECT_VARIABLES = Set.of("report", "period", "schedule", "date");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final ScheduleRepository schedules;
    private final RunRepository runs;
    private final ArtifactStore artifacts;
    private final FirePlanner planner;
    private final ArtifactLinks links;
    private final TeamAccess access;
    private final TeamService teams;
    private final ReportTypes reportTypes;
    private final RecipientLists lists;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleService(
            ScheduleRepository schedules,
            RunRepository runs,
            ArtifactStore artifacts,
            FirePlanner planner,
            ArtifactLinks links,
            TeamAccess access,
            TeamService teams,
            ReportTypes reportTypes,
            RecipientLists lists,
            AuditLog audit,
            Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.artifacts = artifacts;
        this.planner = planner;
        this.links = links;
        this.access = access;
        this.teams = teams;
        this.reportTypes = reportTypes;
        this.lists = lists;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reading

    @Override
    @Transactional(readOnly = true)
    public SchedulePage search(HeraldUser user, ScheduleQuery query, int limit, int offset) {
        List<UUID> teamIds = user.systemAdmin()
                ? null
                : access.visibleTeams(user).stream().map(t -> t.id()).toList();
        return new SchedulePage(schedules.search(teamIds, query, limit, offset), schedules.count(teamIds, query));
    }

    @Override
    @Transactional(readOnly = true)
    public Schedule get(HeraldUser user, UUID scheduleId) {
        return visible(user, scheduleId);
    }

    @Override
    public boolean canManage(HeraldUser user, Schedule schedule) {
        return access.canManageSchedule(user, schedule.teamId(), schedule.ownerId());
    }

    @Override
    @Transactional(readOnly = true)
    public RunPage runs(HeraldUser user, UUID scheduleId, RunStatus status, int limit, int offset) {
        visible(user, scheduleId);
        return new RunPage(runs.page(scheduleId, status, limit, offset), runs.count(scheduleId, status));
    }

    @Override
    @Transactional(readOnly = true)
    public Run run(HeraldUser user, UUID runId) {
        return visibleRun(user, runId);
    }

    @Override
    public ArtifactContent artifact(HeraldUser user, UUID runId, ReportFormat format) {
        Run run = visibleRun(user, runId);
        return run.artifacts().stream()
                .filter(a -> format == null || a.format() == format)
                .findFirst()
                .map(a -> new ArtifactContent(a, artifacts.open(runId, a.format())))
                .orElseThrow(() -> ScheduleException.of(Kind.NOT_FOUND));
    }

    @Override
    public ArtifactContent linkedArtifact(String token) {
        ArtifactLinks.Target target = links.verify(token).orElseThrow(() -> ScheduleException.of(Kind.NOT_FOUND));
        return runs.artifacts(target.runId()).stream()
                .filter(a -> a.format() == target.format())
                .findFirst()
                .map(a -> new ArtifactContent(a, artifacts.open(target.runId(), a.format())))
                .orElseThrow(() -> ScheduleException.of(Kind.NOT_FOUND));
    }

    // --- changing

    @Override
    public Created create(HeraldUser user, ScheduleDraft draft) {
        return create(user, draft, null);
    }

    @Override
    @Transactional
    public Created create(HeraldUser user, ScheduleDraft draft, String idempotencyKey) {
        String key = blankToNull(idempotencyKey);
        String hash = hash(draft);
        if (key != null) {
            Optional<Schedule> earlier = schedules.findByKey(user.id(), "idempotency_key", key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        String dedup = blankToNull(draft.deduplicationKey());
        if (dedup != null) {
            Optional<Schedule> earlier = schedules.findByKey(user.id(), "deduplication_key", dedup);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        if (draft.teamId() != null && access.canView(user, draft.teamId()) && !access.canEdit(user, draft.teamId())) {
            throw ScheduleException.of(Kind.FORBIDDEN);
        }
        ScheduleDraft complete = withDefaults(user, draft, null);
        List<Problem> problems = checkComplete(user, complete, null);
        if (!problems.isEmpty()) {
            throw ScheduleException.invalid(problems);
        }
        UUID owner = complete.ownerId() == null ? user.id() : complete.ownerId();
        ScheduleRepository.Row row = row(Ids.newId(), owner, complete);
        checkUnique(row, null);
        Instant now = clock.instant();
        try {
            schedules.insert(row, key, hash, now);
        } catch (DuplicateKeyException e) {
            throw ScheduleException.conflict("schedules.conflict.duplicate");
        }
        schedules.setSubscribers(row.id(), distinct(complete.subscriberIds()), now);
        Schedule created = schedules.find(row.id()).orElseThrow();
        if (created.status() == ScheduleStatus.ACTIVE) {
            planner.plan(created, now);
        }
        audit.record(AuditEvent.of("schedule.created", "schedule", row.id(), row.name())
                .inTeam(row.teamId()));
        return new Created(schedules.find(row.id()).orElseThrow(), true);
    }

    /** The same key with the same body answers the first result; with another body it is a conflict. */
    private Created replay(Schedule earlier, String hash) {
        if (!schedules.requestHash(earlier.id()).map(hash::equals).orElse(false)) {
            throw ScheduleException.conflict("schedules.conflict.idempotencyKey");
        }
        return new Created(earlier, false);
    }

    @Override
    @Transactional
    public Schedule update(HeraldUser user, UUID scheduleId, ScheduleDraft draft, Integer expectedVersion) {
        Schedule before = manageable(user, scheduleId);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ScheduleException.of(Kind.STALE);
        }
        ScheduleDraft complete = withDefaults(user, draft, before);
        List<Problem> problems = new ArrayList<>();
        if (draft.teamId() != null && !draft.teamId().equals(before.teamId())) {
            problems.add(new Problem("team_id", "schedules.validation.team.immutable"));
        }
        problems.addAll(checkComplete(user, complete, scheduleId));
        if (!problems.isEmpty()) {
            throw ScheduleException.invalid(problems);
        }
        UUID owner = complete.ownerId() == null ? before.ownerId() : complete.ownerId();
        ScheduleRepository.Row row = row(scheduleId, owner, complete);
        if (row.status() == ScheduleStatus.ACTIVE) {
            row = withPausedReason(row, null);
        } else if (before.status() == ScheduleStatus.PAUSED) {
            row = withPausedReason(row, before.pausedReason());
        }
        checkUnique(row, scheduleId);
        Instant now = clock.instant();
        try {
            if (!schedules.update(row, expectedVersion, now)) {
                throw ScheduleException.of(Kind.STALE);
            }
        } catch (DuplicateKeyException e) {
            throw ScheduleException.conflict("schedules.conflict.duplicate");
        }
        schedules.setSubscribers(scheduleId, distinct(complete.subscriberIds()), now);
        Schedule after = schedules.find(scheduleId).orElseThrow();
        if (after.status() == ScheduleStatus.ACTIVE) {
            planner.plan(after, now);
        } else {
            planner.unplan(scheduleId);
        }
        audit.record(AuditEvent.of("schedule.updated", "schedule", scheduleId, after.name())
                .inTeam(after.teamId())
                .withChanges(auditFields(before), auditFields(after)));
        return schedules.find(scheduleId).orElseThrow();
    }

    @Override
    @Transactional
    public void delete(HeraldUser user, UUID scheduleId, Integer expectedVersion) {
        Schedule schedule = manageable(user, scheduleId);
        if (expectedVersion != null && expectedVersion != schedule.version()) {
            throw ScheduleException.of(Kind.STALE);
        }
        planner.unplan(scheduleId);
        schedules.delete(scheduleId);
        audit.record(AuditEvent.of("schedule.deleted", "schedule", scheduleId, schedule.name())
                .inTeam(schedule.teamId()));
    }

    @Override
    @Transactional
    public Schedule pause(HeraldUser user, UUID scheduleId) {
        Schedule schedule = manageable(user, scheduleId);
        if (schedule.status() == ScheduleStatus.PAUSED) {
            return schedule;
        }
        schedules.setStatus(scheduleId, ScheduleStatus.PAUSED, null, false, clock.instant());
        planner.unplan(scheduleId);
        audit.record(AuditEvent.of("schedule.paused", "schedule", scheduleId, schedule.name())
                .inTeam(schedule.teamId()));
        return schedules.find(scheduleId).orElseThrow();
    }

    @Override
    @Transactional
    public Schedule resume(HeraldUser user, UUID scheduleId) {
        Schedule schedule = manageable(user, scheduleId);
        if (schedule.status() == ScheduleStatus.ACTIVE) {
            return schedule;
        }
        Instant now = clock.instant();
        schedules.setStatus(scheduleId, ScheduleStatus.ACTIVE, null, true, now);
        planner.plan(schedules.find(scheduleId).orElseThrow(), now);
        audit.record(AuditEvent.of("schedule.resumed", "schedule", scheduleId, schedule.name())
                .inTeam(schedule.teamId()));
        return schedules.find(scheduleId).orElseThrow();
    }

    @Override
    @Transactional
    public Run trigger(HeraldUser user, UUID scheduleId) {
        Schedule schedule = manageable(user, scheduleId);
        Instant now = clock.instant();
        Instant periodStart = FireTimes.previousFireTime(schedule.cadence(), schedule.timeZone(), now)
                .map(f -> f.instant())
                .orElse(null);
        UUID id = Ids.newId();
        runs.insert(
                        id,
                        scheduleId,
                        schedule.teamId(),
                        schedule.name(),
                        now,
                        RunTrigger.MANUAL,
                        RunStatus.QUEUED,
                        periodStart,
                        now,
                        user.id(),
                        null,
                        now)
                .orElseThrow(() -> ScheduleException.conflict("schedules.conflict.duplicateRun"));
        planner.enqueueRun(id, now);
        audit.record(AuditEvent.of("schedule.triggered", "schedule", scheduleId, schedule.name())
                .inTeam(schedule.teamId()));
        return runs.find(id).orElseThrow();
    }

    @Override
    @Transactional
    public Run backfill(HeraldUser user, UUID runId) {
        Run missed = visibleRun(user, runId);
        Schedule schedule = manageable(user, missed.scheduleId());
        if (missed.status() != RunStatus.MISSED) {
            throw ScheduleException.conflict("schedules.conflict.notMissed");
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        runs.insert(
                        id,
                        schedule.id(),
                        schedule.teamId(),
                        schedule.name(),
                        missed.nominalTime(),
                        RunTrigger.BACKFILL,
                        RunStatus.QUEUED,
                        missed.periodStart(),
                        missed.periodEnd(),
                        user.id(),
                        null,
                        now)
                .orElseThrow(() -> ScheduleException.conflict("schedules.conflict.alreadyBackfilled"));
        planner.enqueueRun(id, now);
        audit.record(
                AuditEvent.of("run.backfilled", "run", runId, schedule.name()).inTeam(schedule.teamId()));
        return runs.find(id).orElseThrow();
    }

    @Override
    @Transactional
    public Run retry(HeraldUser user, UUID runId) {
        Run run = visibleRun(user, runId);
        Schedule schedule = manageable(user, run.scheduleId());
        boolean undelivered = run.retryable();
        boolean neverSent = (run.status() == RunStatus.FAILED || run.status() == RunStatus.TIMED_OUT)
                && run.deliveryCounts().total() == 0;
        if (!run.status().isFinal() || !(undelivered || neverSent)) {
            throw ScheduleException.conflict("schedules.conflict.nothingToRetry");
        }
        runs.lockStatus(runId);
        Instant now = clock.instant();
        runs.reopen(runId, user.id(), now);
        planner.enqueueRun(runId, now);
        audit.record(AuditEvent.of("run.retried", "run", runId, schedule.name()).inTeam(schedule.teamId()));
        return runs.find(runId).orElseThrow();
    }

    @Override
    @Transactional
    public Schedule subscribe(HeraldUser user, UUID scheduleId, boolean subscribed) {
        Schedule schedule = visible(user, scheduleId);
        schedules.subscribe(scheduleId, user.id(), subscribed, clock.instant());
        audit.record(AuditEvent.of(
                        subscribed ? "schedule.subscribed" : "schedule.unsubscribed",
                        "schedule",
                        scheduleId,
                        schedule.name())
                .inTeam(schedule.teamId()));
        return schedules.find(scheduleId).orElseThrow();
    }

    @Override
    public List<String> scheduleNamesUsing(UUID listId) {
        return schedules.namesUsingList(listId);
    }

    // --- rules

    @Override
    public List<Problem> check(HeraldUser user, ScheduleDraft draft, UUID scheduleId) {
        Schedule existing =
                scheduleId == null ? null : schedules.find(scheduleId).orElse(null);
        return checkComplete(user, withDefaults(user, draft, existing), scheduleId);
    }

    private List<Problem> checkComplete(HeraldUser user, ScheduleDraft draft, UUID scheduleId) {
        List<Problem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "schedules.validation.name.required"));
        } else if (name.length() > ScheduleDraft.MAX_NAME) {
            problems.add(new Problem("name", "schedules.validation.name.tooLong", ScheduleDraft.MAX_NAME));
        } else if (CONTROL.matcher(name).find()) {
            problems.add(new Problem("name", "schedules.validation.controlCharacters"));
        }
        if (draft.description() != null && draft.description().length() > ScheduleDraft.MAX_DESCRIPTION) {
            problems.add(new Problem(
                    "description", "schedules.validation.description.tooLong", ScheduleDraft.MAX_DESCRIPTION));
        }
        boolean teamOk = false;
        if (draft.teamId() == null) {
            problems.add(new Problem("team_id", "schedules.validation.team.required"));
        } else if (!access.canEdit(user, draft.teamId()) && scheduleId == null) {
            problems.add(new Problem("team_id", "schedules.validation.team.unknown"));
        } else {
            teamOk = true;
        }
        ReportTypeInfo type = null;
        if (draft.reportType() == null || draft.reportType().isBlank()) {
            problems.add(new Problem("report_type", "schedules.validation.reportType.required"));
        } else {
            type = reportTypes
                    .findUsable(user, draft.reportType())
                    .filter(t -> user.systemAdmin()
                            || draft.teamId() == null
                            || t.teamIds().contains(draft.teamId()))
                    .orElse(null);
            if (type == null) {
                problems.add(new Problem("report_type", "schedules.validation.reportType.unknown"));
            }
        }
        ZoneId zone = null;
        if (draft.timeZone() != null) {
            try {
                zone = ZoneId.of(draft.timeZone());
            } catch (DateTimeException e) {
                problems.add(new Problem("time_zone", "schedules.validation.timeZone.unknown"));
            }
        }
        if (type != null) {
            Map<String, String> parameters = draft.parameters() == null ? Map.of() : draft.parameters();
            Set<String> known = new LinkedHashSet<>();
            type.parameters().forEach(p -> known.add(p.name()));
            for (String given : parameters.keySet()) {
                if (!known.contains(given)) {
                    problems.add(new Problem("parameters." + given, "schedules.validation.parameter.unknown"));
                }
            }
            try {
                ParameterValues.bind(
                        type.parameters(), parameters, clock.instant().atZone(zone == null ? ZoneId.of("UTC") : zone));
            } catch (ParameterValues.InvalidParametersException e) {
                for (ParameterValues.Problem p : e.problems()) {
                    problems.add(new Problem(
                            "parameters." + p.parameter(), p.code(), p.args().toArray()));
                }
            }
        }
        if (draft.cadence() == null) {
            problems.add(new Problem("cadence", "schedules.validation.cadence.required"));
        } else if (type != null
                && type.minimumInterval() != null
                && FireTimes.firesMoreOftenThan(draft.cadence(), type.minimumInterval())) {
            problems.add(new Problem(
                    "cadence",
                    "schedules.validation.cadence.tooFrequent",
                    type.name(),
                    Cadences.describe(draft.cadence())));
        } else if (draft.cadence() != null
                && zone != null
                && FireTimes.nextFireTime(draft.cadence(), zone, clock.instant(), draft.startAt(), draft.endAt())
                        .isEmpty()
                && draft.endAt() == null) {
            problems.add(new Problem("cadence", "schedules.validation.cadence.never"));
        }
        if (draft.startAt() != null && draft.endAt() != null && !draft.endAt().isAfter(draft.startAt())) {
            problems.add(new Problem("end_at", "schedules.validation.endBeforeStart"));
        }
        checkRecipients(user, draft, teamOk, problems);
        if (draft.formats() == null || draft.formats().isEmpty()) {
            problems.add(new Problem("formats", "schedules.validation.formats.required"));
        }
        checkSubject(draft.subject(), problems);
        range(problems, "timeout_seconds", draft.timeoutSeconds(), 10, 86_400);
        range(problems, "max_retries", draft.maxRetries(), 0, 10);
        range(problems, "retry_backoff_seconds", draft.retryBackoffSeconds(), 1, 86_400);
        range(problems, "catchup_window_minutes", draft.catchupWindowMinutes(), 0, 1440);
        range(problems, "flexible_window_minutes", draft.flexibleWindowMinutes(), 0, 60);
        range(problems, "pause_after_failures", draft.pauseAfterFailures(), 1, 100);
        if (draft.externalId() != null && draft.externalId().length() > ScheduleDraft.MAX_EXTERNAL_ID) {
            problems.add(new Problem(
                    "external_id", "schedules.validation.externalId.tooLong", ScheduleDraft.MAX_EXTERNAL_ID));
        }
        if (draft.deduplicationKey() != null && draft.deduplicationKey().length() > 200) {
            problems.add(new Problem("deduplication_key", "schedules.validation.externalId.tooLong", 200));
        }
        if (draft.ownerId() != null && teamOk && !draft.ownerId().equals(user.id())) {
            checkOwner(user, draft, scheduleId, problems);
        }
        return problems;
    }

    private void checkOwner(HeraldUser user, ScheduleDraft draft, UUID scheduleId, List<Problem> problems) {
        boolean unchanged = scheduleId != null
                && schedules
                        .find(scheduleId)
                        .map(s -> s.ownerId().equals(draft.ownerId()))
                        .orElse(false);
        if (unchanged) {
            return;
        }
        if (!access.canAdminister(user, draft.teamId())) {
            problems.add(new Problem("owner_id", "schedules.validation.owner.notAllowed"));
            return;
        }
        boolean editor = teams.members(user, draft.teamId()).stream()
                .anyMatch(m -> m.userId().equals(draft.ownerId())
                        && !m.pending()
                        && m.role().atLeast(TeamRole.EDITOR));
        if (!editor) {
            problems.add(new Problem("owner_id", "schedules.validation.owner.notEditor"));
        }
    }

    private void checkRecipients(HeraldUser user, ScheduleDraft draft, boolean teamOk, List<Problem> problems) {
        List<UUID> listIds = draft.listIds() == null ? List.of() : draft.listIds();
        List<String> emails = draft.emails() == null ? List.of() : draft.emails();
        List<UUID> subscribers = draft.subscriberIds() == null ? List.of() : draft.subscriberIds();
        if (listIds.isEmpty() && emails.isEmpty() && subscribers.isEmpty()) {
            problems.add(new Problem("recipients", "schedules.validation.recipients.required"));
            return;
        }
        for (int i = 0; i < listIds.size(); i++) {
            UUID listId = listIds.get(i);
            Optional<UUID> team = listId == null ? Optional.empty() : lists.teamOf(listId);
            if (team.isEmpty() || !team.get().equals(draft.teamId())) {
                problems.add(new Problem("recipients.list_ids[" + i + "]", "schedules.validation.list.unknown"));
            }
        }
        if (emails.size() > ScheduleDraft.MAX_EMAILS) {
            problems.add(
                    new Problem("recipients.emails", "schedules.validation.emails.tooMany", ScheduleDraft.MAX_EMAILS));
        } else {
            for (int i = 0; i < emails.size(); i++) {
                if (!validEmail(emails.get(i))) {
                    problems.add(new Problem(
                            "recipients.emails[" + i + "]",
                            "schedules.validation.email.invalid",
                            printable(emails.get(i))));
                }
            }
        }
        if (!subscribers.isEmpty() && teamOk) {
            Set<UUID> members = new LinkedHashSet<>();
            for (Member m : teams.members(user, draft.teamId())) {
                if (!m.pending()) {
                    members.add(m.userId());
                }
            }
            for (int i = 0; i < subscribers.size(); i++) {
                if (subscribers.get(i) == null || !members.contains(subscribers.get(i))) {
                    problems.add(new Problem(
                            "recipients.subscriber_ids[" + i + "]", "schedules.validation.subscriber.notMember"));
                }
            }
        }
    }

    static void checkSubject(String subject, List<Problem> problems) {
        if (subject == null || subject.isBlank()) {
            problems.add(new Problem("subject", "schedules.validation.subject.required"));
            return;
        }
        if (subject.length() > 200) {
            problems.add(new Problem("subject", "schedules.validation.subject.tooLong", 200));
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            problems.add(new Problem("subject", "schedules.validation.subject.lineBreak"));
        } else if (CONTROL.matcher(subject).find()) {
            problems.add(new Problem("subject", "schedules.validation.controlCharacters"));
        }
        Matcher m = VARIABLE.matcher(subject);
        while (m.find()) {
            if (!SUBJECT_VARIABLES.contains(m.group(1))) {
                problems.add(
                        new Problem("subject", "schedules.validation.subject.unknownVariable", printable(m.group(1))));
            }
        }
    }

    static boolean validEmail(String email) {
        if (email == null
                || email.isBlank()
                || email.length() > 254
                || CONTROL.matcher(email).find()) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email.strip(), true);
            return address.getAddress().equals(email.strip())
                    && address.getAddress().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        } catch (AddressException e) {
            return false;
        }
    }

    private static void range(List<Problem> problems, String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            problems.add(new Problem(field, "schedules.validation.range", min, max));
        }
    }

    private void checkUnique(ScheduleRepository.Row row, UUID except) {
        if (schedules.nameTaken(row.teamId(), row.name(), except)) {
            throw ScheduleException.conflict("schedules.conflict.name", row.name());
        }
        if (row.externalId() != null && schedules.externalIdTaken(row.teamId(), row.externalId(), except)) {
            throw ScheduleException.conflict("schedules.conflict.externalId", row.externalId());
        }
    }

    /** Fills what the caller left out with the defaults of product.md §3, or with the schedule as it is. */
    private ScheduleDraft withDefaults(HeraldUser user, ScheduleDraft d, Schedule before) {
        String zone =
                d.timeZone() != null && !d.timeZone().isBlank() ? d.timeZone().strip() : user.timeZone();
        List<ReportFormat> formats = d.formats();
        if (formats == null) {
            formats = reportTypes
                    .findUsable(user, d.reportType() == null ? "" : d.reportType())
                    .map(t -> List.of(t.defaultFormat()))
                    .orElse(List.of(ReportFormat.CSV));
        }
        return new ScheduleDraft(
                d.name() == null ? null : d.name().strip(),
                blankToNull(d.description()),
                before != null ? before.teamId() : d.teamId(),
                d.reportType() == null ? null : d.reportType().strip(),
                d.parameters() == null ? Map.of() : d.parameters(),
                d.cadence(),
                zone == null || zone.isBlank() ? "UTC" : zone,
                d.startAt(),
                d.endAt(),
                d.listIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.listIds())),
                normalizeEmails(d.emails()),
                d.subscriberIds() == null ? List.of() : d.subscriberIds(),
                List.copyOf(new LinkedHashSet<>(formats)),
                d.subject() == null ? ScheduleDraft.DEFAULT_SUBJECT : d.subject(),
                d.skipIfEmpty() == null ? Boolean.FALSE : d.skipIfEmpty(),
                or(d.timeoutSeconds(), ScheduleDraft.DEFAULT_TIMEOUT_SECONDS),
                or(d.maxRetries(), ScheduleDraft.DEFAULT_MAX_RETRIES),
                or(d.retryBackoffSeconds(), ScheduleDraft.DEFAULT_RETRY_BACKOFF_SECONDS),
                d.overlapPolicy() == null ? OverlapPolicy.SKIP : d.overlapPolicy(),
                or(d.catchupWindowMinutes(), ScheduleDraft.DEFAULT_CATCHUP_WINDOW_MINUTES),
                or(d.flexibleWindowMinutes(), 0),
                or(d.pauseAfterFailures(), ScheduleDraft.DEFAULT_PAUSE_AFTER_FAILURES),
                blankToNull(d.externalId()),
                blankToNull(d.deduplicationKey()),
                d.status() == null ? ScheduleStatus.ACTIVE : d.status(),
                d.ownerId());
    }

    private static List<String> normalizeEmails(List<String> emails) {
        if (emails == null) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String e : emails) {
            if (e != null && !e.isBlank()) {
                unique.putIfAbsent(e.strip().toLowerCase(Locale.ROOT), e.strip());
            }
        }
        return List.copyOf(unique.values());
    }

    private static ScheduleRepository.Row row(UUID id, UUID owner, ScheduleDraft d) {
        return new ScheduleRepository.Row(
                id,
                d.teamId(),
                owner,
                d.name(),
                d.description(),
                d.reportType(),
                d.parameters(),
                d.cadence(),
                ZoneId.of(d.timeZone()),
                d.startAt(),
                d.endAt(),
                d.status(),
                null,
                d.listIds(),
                d.emails(),
                d.formats(),
                d.subject(),
                d.skipIfEmpty(),
                d.timeoutSeconds(),
                d.maxRetries(),
                d.retryBackoffSeconds(),
                d.overlapPolicy(),
                d.catchupWindowMinutes(),
                d.flexibleWindowMinutes(),
                d.pauseAfterFailures(),
                d.externalId(),
                d.deduplicationKey());
    }

    private static ScheduleRepository.Row withPausedReason(ScheduleRepository.Row r, String reason) {
        return new ScheduleRepository.Row(
                r.id(),
                r.teamId(),
                r.ownerId(),
                r.name(),
                r.description(),
                r.reportType(),
                r.parameters(),
                r.cadence(),
                r.timeZone(),
                r.startAt(),
                r.endAt(),
                r.status(),
                reason,
                r.listIds(),
                r.emails(),
                r.formats(),
                r.subject(),
                r.skipIfEmpty(),
                r.timeoutSeconds(),
                r.maxRetries(),
                r.retryBackoffSeconds(),
                r.overlapPolicy(),
                r.catchupWindowMinutes(),
                r.flexibleWindowMinutes(),
                r.pauseAfterFailures(),
                r.externalId(),
                r.deduplicationKey());
    }

    private static Map<String, Object> auditFields(Schedule s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", s.name());
        fields.put("description", s.description());
        fields.put("report_type", s.reportType());
        fields.put("parameters", s.parameters());
        fields.put("cadence", s.cadence().toFields());
        fields.put("time_zone", s.timeZone().getId());
        fields.put("start_at", s.startAt());
        fields.put("end_at", s.endAt());
        fields.put("status", s.status().wire());
        fields.put("list_ids", s.listIds());
        fields.put("emails", s.emails());
        fields.put("formats", s.formats().stream().map(ReportFormat::wire).toList());
        fields.put("subject", s.subject());
        fields.put("skip_if_empty", s.skipIfEmpty());
        fields.put("timeout_seconds", s.timeoutSeconds());
        fields.put("max_retries", s.maxRetries());
        fields.put("retry_backoff_seconds", s.retryBackoffSeconds());
        fields.put("overlap_policy", s.overlapPolicy().wire());
        fields.put("catchup_window_minutes", s.catchupWindowMinutes());
        fields.put("flexible_window_minutes", s.flexibleWindowMinutes());
        fields.put("pause_after_failures", s.pauseAfterFailures());
        fields.put("external_id", s.externalId());
        fields.put("owner_id", s.ownerId());
        return fields;
    }

    // --- access

    private Schedule visible(HeraldUser user, UUID scheduleId) {
        Schedule schedule = schedules.find(scheduleId).orElseThrow(() -> ScheduleException.of(Kind.NOT_FOUND));
        if (!access.canView(user, schedule.teamId())) {
            throw ScheduleException.of(Kind.NOT_FOUND);
        }
        return schedule;
    }

    private Schedule manageable(HeraldUser user, UUID scheduleId) {
        Schedule schedule = visible(user, scheduleId);
        if (!canManage(user, schedule)) {
            throw ScheduleException.of(Kind.FORBIDDEN);
        }
        return schedule;
    }

    private Run visibleRun(HeraldUser user, UUID runId) {
        Run run = runs.find(runId).orElseThrow(() -> ScheduleException.of(Kind.NOT_FOUND));
        if (!access.canView(user, run.teamId())) {
            throw ScheduleException.of(Kind.NOT_FOUND);
        }
        return run;
    }

    private static String hash(ScheduleDraft draft) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // parameters in key order: the same body with its keys in another order is the same request
            ScheduleDraft canonical = draft.toBuilder()
                    .parameters(draft.parameters() == null ? null : new java.util.TreeMap<>(draft.parameters()))
                    .build();
            return HexFormat.of()
                    .formatHex(digest.digest(String.valueOf(canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return ids == null
                ? List.of()
                : ids.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String printable(String value) {
        String clean = value == null ? "" : CONTROL.matcher(value).replaceAll("?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
