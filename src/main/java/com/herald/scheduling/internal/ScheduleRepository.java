package com.herald.scheduling.internal;

import static com.herald.scheduling.internal.Db.instant;
import static com.herald.scheduling.internal.Db.utc;

import com.herald.platform.SqlLike;
import com.herald.reports.ReportFormat;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.Schedule;
import com.herald.scheduling.ScheduleQuery;
import com.herald.scheduling.ScheduleStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ScheduleRepository {

    private static final String COLUMNS = """
            s.*, t.name AS team_name, u.display_name AS owner_name,
            (SELECT rt.name FROM report_types rt WHERE rt.type_key = s.report_type) AS report_type_name""";
    private static final String FROM =
            " FROM schedules s JOIN teams t ON t.id = s.team_id JOIN users u ON u.id = s.owner_id";

    /** The stored form of a schedule: what the manager writes. */
    record Row(
            UUID id,
            UUID teamId,
            UUID ownerId,
            String name,
            String description,
            String reportType,
            Map<String, String> parameters,
            Cadence cadence,
            ZoneId timeZone,
            Instant startAt,
            Instant endAt,
            ScheduleStatus status,
            String pausedReason,
            List<UUID> listIds,
            List<String> emails,
            List<ReportFormat> formats,
            String subject,
            boolean skipIfEmpty,
            int timeoutSeconds,
            int maxRetries,
            int retryBackoffSeconds,
            OverlapPolicy overlapPolicy,
            int catchupWindowMinutes,
            int flexibleWindowMinutes,
            int pauseAfterFailures,
            String externalId,
            String deduplicationKey) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    ScheduleRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Schedule> find(UUID id) {
        return withRelations(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.id = ?")
                        .param(id)
                        .query((rs, n) -> map(rs))
                        .list())
                .stream()
                .findFirst();
    }

    /** Locks the schedule's row until the transaction ends: fires, runs and edits of one schedule serialize. */
    Optional<Schedule> lock(UUID id) {
        List<UUID> found = jdbc.sql("SELECT id FROM schedules WHERE id = ? FOR UPDATE")
                .param(id)
                .query(UUID.class)
                .list();
        return found.isEmpty() ? Optional.empty() : find(id);
    }

    Optional<Schedule> findByKey(UUID ownerId, String column, String key) {
        return jdbc.sql("SELECT id FROM schedules WHERE owner_id = ? AND " + column + " = ?")
                .params(ownerId, key)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    Optional<String> requestHash(UUID id) {
        return jdbc.sql("SELECT request_hash FROM schedules WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    boolean nameTaken(UUID teamId, String name, UUID except) {
        return jdbc.sql("SELECT COUNT(*) FROM schedules WHERE team_id = ? AND name = ? AND id <> ?")
                        .params(teamId, name, except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean externalIdTaken(UUID teamId, String externalId, UUID except) {
        return jdbc.sql("SELECT COUNT(*) FROM schedules WHERE team_id = ? AND external_id = ? AND id <> ?")
                        .params(teamId, externalId, except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Schedule> search(Collection<UUID> teamIds, ScheduleQuery query, int limit, int offset) {
        if (teamIds != null && teamIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where(teamIds, query, params);
        String direction = query.descending() ? " DESC" : " ASC";
        String order =
                switch (query.sort() == null ? ScheduleQuery.Sort.NAME : query.sort()) {
                    case NAME -> "s.name" + direction;
                    case NEXT_RUN -> "s.next_run_at IS NULL, s.next_run_at" + direction;
                    case LAST_RUN -> "s.last_run_at IS NULL, s.last_run_at" + direction;
                    case UPDATED -> "s.updated_at" + direction;
                };
        params.add(limit);
        params.add(offset);
        return withRelations(
                jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY " + order + ", s.id LIMIT ? OFFSET ?")
                        .params(params)
                        .query((rs, n) -> map(rs))
                        .list());
    }

    long count(Collection<UUID> teamIds, ScheduleQuery query) {
        if (teamIds != null && teamIds.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        String where = where(teamIds, query, params);
        return jdbc.sql("SELECT COUNT(*) FROM schedules s" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(Collection<UUID> teamIds, ScheduleQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (teamIds != null) {
            where.append(" AND s.team_id IN (")
                    .append(teamIds.stream().map(t -> "?").collect(Collectors.joining(",")))
                    .append(")");
            params.addAll(teamIds);
        }
        if (query.teamId() != null) {
            where.append(" AND s.team_id = ?");
            params.add(query.teamId());
        }
        if (query.ownerId() != null) {
            where.append(" AND s.owner_id = ?");
            params.add(query.ownerId());
        }
        if (query.status() != null) {
            where.append(" AND s.status = ?");
            params.add(query.status().name());
        }
        if (query.reportType() != null) {
            where.append(" AND s.report_type = ?");
            params.add(query.reportType());
        }
        if (query.externalId() != null) {
            where.append(" AND s.external_id = ?");
            params.add(query.externalId());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" AND s.name LIKE ?");
            params.add(SqlLike.contains(query.q().strip()));
        }
        return where.toString();
    }

    void insert(Row row, String idempotencyKey, String requestHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO schedules (id, team_id, owner_id, name, description, report_type, parameters,
                            cadence, cron, time_zone, start_at, end_at, status, paused_reason, emails, formats, subject,
                            skip_if_empty, timeout_seconds, max_retries, retry_backoff_seconds, overlap_policy,
                            catchup_window_minutes, flexible_window_minutes, pause_after_failures, external_id,
                            deduplication_key, idempotency_key, request_hash, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            ?, 0)""")
                .params(
                        row.id(),
                        row.teamId(),
                        row.ownerId(),
                        row.name(),
                        row.description(),
                        row.reportType(),
                        json.writeValueAsString(row.parameters()),
                        json.writeValueAsString(row.cadence().toFields()),
                        row.cadence().toCron(),
                        row.timeZone().getId(),
                        utc(row.startAt()),
                        utc(row.endAt()),
                        row.status().name(),
                        row.pausedReason(),
                        json.writeValueAsString(row.emails()),
                        formats(row.formats()),
                        row.subject(),
                        row.skipIfEmpty(),
                        row.timeoutSeconds(),
                        row.maxRetries(),
                        row.retryBackoffSeconds(),
                        row.overlapPolicy().name(),
                        row.catchupWindowMinutes(),
                        row.flexibleWindowMinutes(),
                        row.pauseAfterFailures(),
                        row.externalId(),
                        row.deduplicationKey(),
                        idempotencyKey,
                        requestHash,
                        utc(now),
                        utc(now))
                .update();
        replaceLists(row.id(), row.listIds());
    }

    /** Saves the row if it is still at {@code expectedVersion} (null: any); false when it is not. */
    boolean update(Row row, Integer expectedVersion, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE schedules SET owner_id = ?, name = ?, description = ?, report_type = ?, parameters = ?,
                            cadence = ?, cron = ?, time_zone = ?, start_at = ?, end_at = ?, status = ?,
                            paused_reason = ?, emails = ?, formats = ?, subject = ?, skip_if_empty = ?,
                            timeout_seconds = ?, max_retries = ?, retry_backoff_seconds = ?, overlap_policy = ?,
                            catchup_window_minutes = ?, flexible_window_minutes = ?, pause_after_failures = ?,
                            external_id = ?, deduplication_key = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND (? IS NULL OR version = ?)""")
                .params(
                        row.ownerId(),
                        row.name(),
                        row.description(),
                        row.reportType(),
                        json.writeValueAsString(row.parameters()),
                        json.writeValueAsString(row.cadence().toFields()),
                        row.cadence().toCron(),
                        row.timeZone().getId(),
                        utc(row.startAt()),
                        utc(row.endAt()),
                        row.status().name(),
                        row.pausedReason(),
                        json.writeValueAsString(row.emails()),
                        formats(row.formats()),
                        row.subject(),
                        row.skipIfEmpty(),
                        row.timeoutSeconds(),
                        row.maxRetries(),
                        row.retryBackoffSeconds(),
                        row.overlapPolicy().name(),
                        row.catchupWindowMinutes(),
                        row.flexibleWindowMinutes(),
                        row.pauseAfterFailures(),
                        row.externalId(),
                        row.deduplicationKey(),
                        utc(now),
                        row.id(),
                        expectedVersion,
                        expectedVersion)
                .update();
        if (updated == 1) {
            replaceLists(row.id(), row.listIds());
        }
        return updated == 1;
    }

    void setStatus(UUID id, ScheduleStatus status, String reason, boolean resetFailures, Instant now) {
        jdbc.sql("""
                        UPDATE schedules SET status = ?, paused_reason = ?,
                            consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,
                            next_run_at = CASE WHEN ? = 'PAUSED' THEN NULL ELSE next_run_at END,
                            fire_at = CASE WHEN ? = 'PAUSED' THEN NULL ELSE fire_at END,
                            updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(status.name(), reason, resetFailures, status.name(), status.name(), utc(now), id)
                .update();
    }

    /** The next fire's nominal time and when it executes (with the flexible offset); both null: none. */
    void setNextFire(UUID id, Instant nominal, Instant fireAt) {
        jdbc.sql("UPDATE schedules SET next_run_at = ?, fire_at = ? WHERE id = ?")
                .params(utc(nominal), utc(fireAt), id)
                .update();
    }

    /** The same for many schedules in one round trip. */
    void setNextFires(List<NextFire> next) {
        if (next.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(
                "UPDATE schedules SET next_run_at = ?, fire_at = ? WHERE id = ?", next, next.size(), (ps, n) -> {
                    ps.setObject(1, utc(n.nominal()));
                    ps.setObject(2, utc(n.fireAt()));
                    ps.setObject(3, n.scheduleId());
                });
    }

    record NextFire(UUID scheduleId, Instant nominal, Instant fireAt) {}

    /**
     * Locks up to {@code limit} schedules whose fire is due, skipping those another transaction holds (another
     * instance dispatching them, or an edit): each due schedule is handled by one instance, once. Lists and
     * subscribers are not loaded; a fire does not need them.
     */
    List<Schedule> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT s.*, '' AS team_name, '' AS owner_name, NULL AS report_type_name FROM schedules s
                        WHERE s.fire_at <= ? ORDER BY s.fire_at LIMIT ? FOR UPDATE SKIP LOCKED""").params(utc(now), limit).query((rs, n) -> map(rs)).list();
    }

    /** Records a finished run in the derived fields; returns the consecutive failures after it. */
    int recordOutcome(UUID id, RunStatus status, String error, Instant finishedAt) {
        boolean failure = status.isFailure();
        boolean success = status == RunStatus.SUCCEEDED || status == RunStatus.EMPTY;
        jdbc.sql("""
                        UPDATE schedules SET last_run_at = ?, last_run_status = ?, last_error_message = ?,
                            last_succeeded_at = CASE WHEN ? THEN ? ELSE last_succeeded_at END,
                            run_count = run_count + 1,
                            consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1
                                WHEN ? THEN 0 ELSE consecutive_failures END
                        WHERE id = ?""")
                .params(
                        utc(finishedAt),
                        status.name(),
                        failure ? Db.truncate(error, 1000) : null,
                        success,
                        utc(finishedAt),
                        failure,
                        success,
                        id)
                .update();
        return jdbc.sql("SELECT consecutive_failures FROM schedules WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM schedules WHERE id = ?").param(id).update();
    }

    void subscribe(UUID id, UUID userId, boolean subscribed, Instant now) {
        if (subscribed) {
            jdbc.sql("INSERT IGNORE INTO schedule_subscribers (schedule_id, user_id, created_at) VALUES (?, ?, ?)")
                    .params(id, userId, utc(now))
                    .update();
        } else {
            jdbc.sql("DELETE FROM schedule_subscribers WHERE schedule_id = ? AND user_id = ?")
                    .params(id, userId)
                    .update();
        }
    }

    void setSubscribers(UUID id, Collection<UUID> userIds, Instant now) {
        jdbc.sql("DELETE FROM schedule_subscribers WHERE schedule_id = ?")
                .param(id)
                .update();
        for (UUID user : userIds) {
            subscribe(id, user, true, now);
        }
    }

    /** Names of schedules sending to the list. */
    List<String> namesUsingList(UUID listId) {
        return jdbc.sql("""
                        SELECT s.name FROM schedule_lists l JOIN schedules s ON s.id = l.schedule_id
                        WHERE l.list_id = ? ORDER BY s.name""").param(listId).query(String.class).list();
    }

    /** Subscribers' addresses and names, for a run's recipients. */
    Map<String, String> subscriberAddresses(UUID scheduleId) {
        Map<String, String> found = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT u.email, u.display_name FROM schedule_subscribers s JOIN users u ON u.id = s.user_id
                        WHERE s.schedule_id = ? AND u.enabled ORDER BY s.created_at""").param(scheduleId).query(rs -> {
            found.put(rs.getString(1), rs.getString(2));
        });
        return found;
    }

    /** Every active schedule and its id, to check the scheduler has a fire for each. */
    List<UUID> activeIds() {
        return jdbc.sql("SELECT id FROM schedules WHERE status = 'ACTIVE'")
                .query(UUID.class)
                .list();
    }

    private void replaceLists(UUID id, List<UUID> listIds) {
        jdbc.sql("DELETE FROM schedule_lists WHERE schedule_id = ?").param(id).update();
        int position = 0;
        for (UUID list : listIds) {
            jdbc.sql("INSERT INTO schedule_lists (schedule_id, list_id, position) VALUES (?, ?, ?)")
                    .params(id, list, position++)
                    .update();
        }
    }

    private List<Schedule> withRelations(List<Schedule> schedules) {
        if (schedules.isEmpty()) {
            return schedules;
        }
        List<UUID> ids = schedules.stream().map(Schedule::id).toList();
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        Map<UUID, List<UUID>> lists = new HashMap<>();
        jdbc.sql("SELECT schedule_id, list_id FROM schedule_lists WHERE schedule_id IN (" + in + ") ORDER BY position")
                .params(new ArrayList<Object>(ids))
                .query(rs -> {
                    lists.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        Map<UUID, List<UUID>> subscribers = new HashMap<>();
        jdbc.sql("SELECT schedule_id, user_id FROM schedule_subscribers WHERE schedule_id IN (" + in
                        + ") ORDER BY created_at")
                .params(new ArrayList<Object>(ids))
                .query(rs -> {
                    subscribers
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return schedules.stream()
                .map(s -> withLists(
                        s,
                        List.copyOf(lists.getOrDefault(s.id(), List.of())),
                        List.copyOf(subscribers.getOrDefault(s.id(), List.of()))))
                .toList();
    }

    private static Schedule withLists(Schedule s, List<UUID> listIds, List<UUID> subscriberIds) {
        return new Schedule(
                s.id(),
                s.name(),
                s.description(),
                s.teamId(),
                s.teamName(),
                s.ownerId(),
                s.ownerName(),
                s.reportType(),
                s.reportTypeName(),
                s.parameters(),
                s.cadence(),
                s.timeZone(),
                s.startAt(),
                s.endAt(),
                s.status(),
                s.pausedReason(),
                listIds,
                s.emails(),
                subscriberIds,
                s.formats(),
                s.subject(),
                s.skipIfEmpty(),
                s.timeoutSeconds(),
                s.maxRetries(),
                s.retryBackoffSeconds(),
                s.overlapPolicy(),
                s.catchupWindowMinutes(),
                s.flexibleWindowMinutes(),
                s.pauseAfterFailures(),
                s.externalId(),
                s.deduplicationKey(),
                s.nextRunAt(),
                s.lastRunAt(),
                s.lastRunStatus(),
                s.lastErrorMessage(),
                s.lastSucceededAt(),
                s.runCount(),
                s.consecutiveFailures(),
                s.createdAt(),
                s.updatedAt(),
                s.version());
    }

    private Schedule map(ResultSet rs) throws SQLException {
        Map<String, Object> cadenceFields = json.readValue(rs.getString("cadence"), new TypeReference<>() {});
        Map<String, String> parameters = json.readValue(rs.getString("parameters"), new TypeReference<>() {});
        List<String> emails = json.readValue(rs.getString("emails"), new TypeReference<>() {});
        String lastStatus = rs.getString("last_run_status");
        String reportTypeName = rs.getString("report_type_name");
        return new Schedule(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("team_id", UUID.class),
                rs.getString("team_name"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"),
                rs.getString("report_type"),
                reportTypeName == null ? rs.getString("report_type") : reportTypeName,
                parameters,
                Cadences.parse(cadenceFields),
                ZoneId.of(rs.getString("time_zone")),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                ScheduleStatus.valueOf(rs.getString("status")),
                rs.getString("paused_reason"),
                List.of(),
                List.copyOf(emails),
                List.of(),
                Arrays.stream(rs.getString("formats").split(","))
                        .map(f -> ReportFormat.fromWire(f).orElseThrow())
                        .toList(),
                rs.getString("subject"),
                rs.getBoolean("skip_if_empty"),
                rs.getInt("timeout_seconds"),
                rs.getInt("max_retries"),
                rs.getInt("retry_backoff_seconds"),
                OverlapPolicy.valueOf(rs.getString("overlap_policy")),
                rs.getInt("catchup_window_minutes"),
                rs.getInt("flexible_window_minutes"),
                rs.getInt("pause_after_failures"),
                rs.getString("external_id"),
                rs.getString("deduplication_key"),
                instant(rs, "next_run_at"),
                instant(rs, "last_run_at"),
                lastStatus == null ? null : RunStatus.valueOf(lastStatus),
                rs.getString("last_error_message"),
                instant(rs, "last_succeeded_at"),
                rs.getInt("run_count"),
                rs.getInt("consecutive_failures"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static String formats(List<ReportFormat> formats) {
        return formats.stream().map(ReportFormat::wire).collect(Collectors.joining(","));
    }
}
