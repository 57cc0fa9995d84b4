package com.herald.scheduling.internal;

import static com.herald.scheduling.internal.Db.instant;
import static com.herald.scheduling.internal.Db.utc;

import com.herald.reports.ReportFormat;
import com.herald.scheduling.Delivery;
import com.herald.scheduling.DeliveryStatus;
import com.herald.scheduling.Run;
import com.herald.scheduling.RunArtifact;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.RunTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RunRepository {

    private static final String COLUMNS = """
            r.*, (SELECT u.display_name FROM users u WHERE u.id = r.triggered_by) AS triggered_by_name""";

    /** A delivery to make: address and display name. */
    record Recipient(String email, String name, boolean suppressed) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    RunRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /**
     * Inserts a run unless the fire already has one (same schedule, nominal time and trigger): the unique key is
     * what makes a fire run once across instances. Returns the new run's id, or empty for a duplicate.
     */
    Optional<UUID> insert(
            UUID id,
            UUID scheduleId,
            UUID teamId,
            String scheduleName,
            Instant nominal,
            RunTrigger trigger,
            RunStatus status,
            Instant periodStart,
            Instant periodEnd,
            UUID triggeredBy,
            String error,
            Instant now) {
        // ON DUPLICATE KEY instead of catching the error: a fire seen twice is normal in a cluster, not worth a
        // driver warning in the log
        int inserted = jdbc.sql("""
                        INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind,
                            attempt, status, period_start, period_end, triggered_by, error_message, finished_at,
                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE id = id""")
                .params(
                        id,
                        scheduleId,
                        teamId,
                        scheduleName,
                        utc(nominal),
                        trigger.name(),
                        status.name(),
                        utc(periodStart),
                        utc(periodEnd),
                        triggeredBy,
                        error,
                        status.isFinal() ? utc(now) : null,
                        utc(now),
                        utc(now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** A run a fire records. */
    record NewRun(
            UUID id,
            UUID scheduleId,
            UUID teamId,
            String scheduleName,
            Instant nominal,
            RunTrigger trigger,
            RunStatus status,
            Instant periodStart,
            String error) {}

    /**
     * Inserts fires' runs in one round trip. A run that exists already for its schedule, nominal time and trigger
     * (the same fire seen twice) is left as it is; an execution queued for the id that was not inserted finds no
     * run and does nothing.
     */
    void insertAll(List<NewRun> runs, Instant now) {
        if (runs.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO runs (id, schedule_id, team_id, schedule_name, nominal_time, trigger_kind,
                    attempt, status, period_start, period_end, triggered_by, error_message, finished_at,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""", runs, runs.size(), (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setObject(2, r.scheduleId());
            ps.setObject(3, r.teamId());
            ps.setString(4, r.scheduleName());
            ps.setObject(5, utc(r.nominal()));
            ps.setString(6, r.trigger().name());
            ps.setString(7, r.status().name());
            ps.setObject(8, utc(r.periodStart()));
            ps.setObject(9, utc(r.nominal()));
            ps.setString(10, r.error());
            ps.setObject(11, r.status().isFinal() ? utc(now) : null);
            ps.setObject(12, utc(now));
            ps.setObject(13, utc(now));
        });
    }

    /** How many runs of each schedule are queued or running, for the overlap policy. */
    Map<UUID, Integer> unfinishedCounts(List<UUID> scheduleIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (scheduleIds.isEmpty()) {
            return counts;
        }
        String in = scheduleIds.stream().map(i -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT schedule_id, COUNT(*) FROM runs WHERE schedule_id IN (" + in
                        + ") AND status IN ('QUEUED', 'RUNNING') GROUP BY schedule_id")
                .params(new ArrayList<Object>(scheduleIds))
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return counts;
    }

    Optional<UUID> idOf(UUID scheduleId, Instant nominal, RunTrigger trigger) {
        return jdbc.sql("SELECT id FROM runs WHERE schedule_id = ? AND nominal_time = ? AND trigger_kind = ?")
                .params(scheduleId, utc(nominal), trigger.name())
                .query(UUID.class)
                .optional();
    }

    Optional<Run> find(UUID id) {
        return withArtifacts(jdbc.sql("SELECT " + COLUMNS + " FROM runs r WHERE r.id = ?")
                        .param(id)
                        .query((rs, n) -> map(rs, null))
                        .list())
                .stream()
                .findFirst()
                .map(r -> withDeliveries(r, deliveries(id)));
    }

    /** The run's own row, without its artifacts and deliveries: what an execution needs to start. */
    Optional<Run> findRow(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM runs r WHERE r.id = ?")
                .param(id)
                .query((rs, n) -> map(rs, null))
                .optional();
    }

    /** The run's row and its artifacts. */
    Optional<Run> findWithArtifacts(UUID id) {
        return withArtifacts(
                        jdbc.sql("SELECT " + COLUMNS + " FROM runs r WHERE r.id = ?")
                                .param(id)
                                .query((rs, n) -> map(rs, null))
                                .list(),
                        false)
                .stream()
                .findFirst();
    }

    /**
     * Whether a run of the same schedule must go first: one running, or one queued for an earlier fire.
     */
    boolean mustWait(UUID scheduleId, UUID runId, Instant nominal) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM runs WHERE schedule_id = ? AND id <> ?
                            AND (status = 'RUNNING' OR (status = 'QUEUED' AND nominal_time < ?)))""")
                .params(scheduleId, runId, utc(nominal))
                .query(Boolean.class)
                .single();
    }

    /** Locks the run's row: one instance works on a run at a time. */
    Optional<RunStatus> lockStatus(UUID id) {
        return jdbc.sql("SELECT status FROM runs WHERE id = ? FOR UPDATE")
                .param(id)
                .query(String.class)
                .optional()
                .map(RunStatus::valueOf);
    }

    List<Run> page(UUID scheduleId, RunStatus status, int limit, int offset) {
        List<Object> params = new ArrayList<>(List.of(scheduleId));
        String where = " WHERE r.schedule_id = ?";
        if (status != null) {
            where += " AND r.status = ?";
            params.add(status.name());
        }
        params.add(limit);
        params.add(offset);
        return withArtifacts(jdbc.sql("SELECT " + COLUMNS + " FROM runs r" + where
                        + " ORDER BY r.nominal_time DESC, r.created_at DESC, r.id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> map(rs, null))
                .list());
    }

    long count(UUID scheduleId, RunStatus status) {
        return status == null
                ? jdbc.sql("SELECT COUNT(*) FROM runs WHERE schedule_id = ?")
                        .param(scheduleId)
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT COUNT(*) FROM runs WHERE schedule_id = ? AND status = ?")
                        .params(scheduleId, status.name())
                        .query(Long.class)
                        .single();
    }

    /** Runs of the schedule that are queued or running, oldest first (overlap policy). */
    List<UUID> unfinished(UUID scheduleId, UUID except) {
        return jdbc.sql("""
                        SELECT id FROM runs WHERE schedule_id = ? AND status IN ('QUEUED', 'RUNNING') AND id <> ?
                        ORDER BY nominal_time, created_at""")
                .params(scheduleId, except == null ? new UUID(0, 0) : except)
                .query(UUID.class)
                .list();
    }

    /** Another queued run of the schedule older than this one (catch-up runs go oldest first). */
    void markRunning(UUID id, Instant now) {
        jdbc.sql("""
                        UPDATE runs SET status = 'RUNNING', attempt = attempt + 1,
                            started_at = COALESCE(started_at, ?), next_attempt_at = NULL, updated_at = ?
                        WHERE id = ?""").params(utc(now), utc(now), id).update();
    }

    void setRowCount(UUID id, long rows) {
        jdbc.sql("UPDATE runs SET row_count = ? WHERE id = ?").params(rows, id).update();
    }

    void finish(UUID id, RunStatus status, String category, String message, Instant now) {
        jdbc.sql("""
                        UPDATE runs SET status = ?, error_category = ?, error_message = ?, finished_at = ?,
                            next_attempt_at = NULL, updated_at = ?
                        WHERE id = ?""")
                .params(status.name(), category, Db.truncate(message, 2000), utc(now), utc(now), id)
                .update();
    }

    void waitForRetry(UUID id, String category, String message, Instant nextAttempt, Instant now) {
        jdbc.sql("""
                        UPDATE runs SET status = 'QUEUED', error_category = ?, error_message = ?, next_attempt_at = ?,
                            updated_at = ?
                        WHERE id = ?""")
                .params(category, Db.truncate(message, 2000), utc(nextAttempt), utc(now), id)
                .update();
    }

    /** Re-opens a finished run for a manual retry. */
    void reopen(UUID id, UUID by, Instant now) {
        jdbc.sql("""
                        UPDATE runs SET status = 'QUEUED', finished_at = NULL, error_category = NULL,
                            error_message = NULL, triggered_by = COALESCE(?, triggered_by), updated_at = ?
                        WHERE id = ?""").params(by, utc(now), id).update();
        jdbc.sql("UPDATE deliveries SET retryable = TRUE, updated_at = ? WHERE run_id = ? AND status = 'FAILED'")
                .params(utc(now), id)
                .update();
    }

    // --- deliveries

    /** Creates the run's deliveries once; addresses already there keep their state. */
    void addDeliveries(UUID runId, List<Recipient> recipients, Instant now) {
        for (Recipient r : recipients) {
            jdbc.sql("""
                            INSERT IGNORE INTO deliveries (run_id, email, name, status, attempts, created_at, updated_at)
                            VALUES (?, ?, ?, ?, 0, ?, ?)""")
                    .params(
                            runId,
                            r.email(),
                            Db.truncate(r.name(), 200),
                            r.suppressed() ? DeliveryStatus.SUPPRESSED.name() : DeliveryStatus.PENDING.name(),
                            utc(now),
                            utc(now))
                    .update();
        }
    }

    boolean hasDeliveries(UUID runId) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE run_id = ?")
                        .param(runId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The deliveries still to send: pending, failed but retryable, and those left "sending" by an instance that
     * died mid-send (which may therefore be sent twice; the Message-ID lets clients fold them).
     */
    List<Recipient> toSend(UUID runId) {
        return jdbc.sql("""
                        SELECT email, name FROM deliveries
                        WHERE run_id = ? AND (status IN ('PENDING', 'SENDING') OR (status = 'FAILED' AND retryable))
                        ORDER BY created_at, email""")
                .param(runId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), false))
                .list();
    }

    /** Claims a delivery for sending; false when another instance already sent it. */
    boolean claim(UUID runId, String email, Instant now) {
        return jdbc.sql("""
                                UPDATE deliveries SET status = 'SENDING', attempts = attempts + 1, updated_at = ?
                                WHERE run_id = ? AND email = ? AND status <> 'SENT' AND status <> 'SUPPRESSED'""").params(utc(now), runId, email).update() == 1;
    }

    void sent(UUID runId, String email, String messageId, Instant now) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'SENT', sent_at = ?, message_id = ?, error = NULL, updated_at = ?
                        WHERE run_id = ? AND email = ?""")
                .params(utc(now), Db.truncate(messageId, 300), utc(now), runId, email)
                .update();
    }

    void failed(UUID runId, String email, String error, boolean retryable, Instant now) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'FAILED', error = ?, retryable = ?, updated_at = ?
                        WHERE run_id = ? AND email = ?""")
                .params(Db.truncate(error, 1000), retryable, utc(now), runId, email)
                .update();
    }

    Run.DeliveryCounts counts(UUID runId) {
        return countsOf(List.of(runId)).getOrDefault(runId, Run.DeliveryCounts.NONE);
    }

    /** Whether failed deliveries of the run may be retried automatically. */
    boolean hasRetryableFailures(UUID runId) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE run_id = ? AND status = 'FAILED' AND retryable")
                        .param(runId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<String> firstDeliveryError(UUID runId) {
        return jdbc.sql("SELECT error FROM deliveries WHERE run_id = ? AND status = 'FAILED' ORDER BY email LIMIT 1")
                .param(runId)
                .query(String.class)
                .optional();
    }

    List<Delivery> deliveries(UUID runId) {
        return jdbc.sql("""
                        SELECT email, status, attempts, sent_at, message_id, error, updated_at FROM deliveries
                        WHERE run_id = ? ORDER BY created_at, email""")
                .param(runId)
                .query((rs, n) -> new Delivery(
                        rs.getString("email"),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        instant(rs, "sent_at"),
                        rs.getString("message_id"),
                        rs.getString("error"),
                        instant(rs, "updated_at")))
                .list();
    }

    // --- artifacts

    void addArtifact(UUID runId, RunArtifact artifact, int chunks, Instant now) {
        jdbc.sql("""
                        INSERT INTO run_artifacts (run_id, format, file_name, size_bytes, sha256, chunks, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        runId,
                        artifact.format().wire(),
                        artifact.fileName(),
                        artifact.sizeBytes(),
                        artifact.sha256(),
                        chunks,
                        utc(now))
                .update();
    }

    void addChunk(UUID runId, ReportFormat format, int seq, byte[] data) {
        jdbc.sql("INSERT INTO run_artifact_chunks (run_id, format, seq, data) VALUES (?, ?, ?, ?)")
                .params(runId, format.wire(), seq, data)
                .update();
    }

    Optional<byte[]> chunk(UUID runId, ReportFormat format, int seq) {
        return jdbc.sql("SELECT data FROM run_artifact_chunks WHERE run_id = ? AND format = ? AND seq = ?")
                .params(runId, format.wire(), seq)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void deleteArtifacts(UUID runId) {
        jdbc.sql("DELETE FROM run_artifacts WHERE run_id = ?").param(runId).update();
    }

    /** Removes artifacts older than the retention period; returns how many. */
    int deleteArtifactsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM run_artifacts WHERE created_at < ?")
                .param(utc(cutoff))
                .update();
    }

    List<RunArtifact> artifacts(UUID runId) {
        return artifactsOf(List.of(runId)).getOrDefault(runId, List.of());
    }

    private Map<UUID, List<RunArtifact>> artifactsOf(List<UUID> runIds) {
        Map<UUID, List<RunArtifact>> found = new HashMap<>();
        if (runIds.isEmpty()) {
            return found;
        }
        String in = runIds.stream().map(i -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT run_id, format, file_name, size_bytes, sha256 FROM run_artifacts WHERE run_id IN (" + in
                        + ") ORDER BY created_at, format")
                .params(new ArrayList<Object>(runIds))
                .query(rs -> {
                    found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RunArtifact(
                                    rs.getString(3),
                                    ReportFormat.fromWire(rs.getString(2)).orElseThrow(),
                                    rs.getLong(4),
                                    rs.getString(5)));
                });
        return found;
    }

    private Map<UUID, Run.DeliveryCounts> countsOf(List<UUID> runIds) {
        Map<UUID, Run.DeliveryCounts> found = new HashMap<>();
        if (runIds.isEmpty()) {
            return found;
        }
        String in = runIds.stream().map(i -> "?").collect(Collectors.joining(","));
        jdbc.sql("""
                        SELECT run_id, COUNT(*), SUM(status = 'SENT'), SUM(status = 'FAILED'), SUM(status = 'SUPPRESSED'),
                            SUM(status IN ('PENDING', 'SENDING'))
                        FROM deliveries WHERE run_id IN (""" + in + ") GROUP BY run_id")
                .params(new ArrayList<Object>(runIds))
                .query(rs -> {
                    found.put(
                            rs.getObject(1, UUID.class),
                            new Run.DeliveryCounts(
                                    rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                });
        return found;
    }

    private List<Run> withArtifacts(List<Run> runs) {
        return withArtifacts(runs, true);
    }

    private List<Run> withArtifacts(List<Run> runs, boolean withCounts) {
        Map<UUID, List<RunArtifact>> artifacts =
                artifactsOf(runs.stream().map(Run::id).toList());
        Map<UUID, Run.DeliveryCounts> counts =
                withCounts ? countsOf(runs.stream().map(Run::id).toList()) : Map.of();
        return runs.stream()
                .map(r -> new Run(
                        r.id(),
                        r.scheduleId(),
                        r.scheduleName(),
                        r.teamId(),
                        r.nominalTime(),
                        r.startedAt(),
                        r.finishedAt(),
                        r.trigger(),
                        r.attempt(),
                        r.status(),
                        r.periodStart(),
                        r.periodEnd(),
                        r.rowCount(),
                        List.copyOf(artifacts.getOrDefault(r.id(), List.of())),
                        r.errorCategory(),
                        r.errorMessage(),
                        r.triggeredBy(),
                        r.triggeredByName(),
                        r.nextAttemptAt(),
                        counts.getOrDefault(r.id(), Run.DeliveryCounts.NONE),
                        r.deliveries()))
                .toList();
    }

    private static Run withDeliveries(Run r, List<Delivery> deliveries) {
        return new Run(
                r.id(),
                r.scheduleId(),
                r.scheduleName(),
                r.teamId(),
                r.nominalTime(),
                r.startedAt(),
                r.finishedAt(),
                r.trigger(),
                r.attempt(),
                r.status(),
                r.periodStart(),
                r.periodEnd(),
                r.rowCount(),
                r.artifacts(),
                r.errorCategory(),
                r.errorMessage(),
                r.triggeredBy(),
                r.triggeredByName(),
                r.nextAttemptAt(),
                r.deliveryCounts(),
                deliveries);
    }

    private static Run map(ResultSet rs, List<Delivery> deliveries) throws SQLException {
        long rows = rs.getLong("row_count");
        boolean noRows = rs.wasNull();
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getObject("schedule_id", UUID.class),
                rs.getString("schedule_name"),
                rs.getObject("team_id", UUID.class),
                instant(rs, "nominal_time"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                RunTrigger.valueOf(rs.getString("trigger_kind")),
                rs.getInt("attempt"),
                RunStatus.valueOf(rs.getString("status")),
                instant(rs, "period_start"),
                instant(rs, "period_end"),
                noRows ? null : rows,
                List.of(),
                rs.getString("error_category"),
                rs.getString("error_message"),
                rs.getObject("triggered_by", UUID.class),
                rs.getString("triggered_by_name"),
                instant(rs, "next_attempt_at"),
                Run.DeliveryCounts.NONE,
                deliveries == null ? List.of() : deliveries);
    }
}
