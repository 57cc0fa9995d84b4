package com.herald.scheduling.internal;

import static com.herald.scheduling.internal.Db.instant;
import static com.herald.scheduling.internal.Db.utc;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.scheduling.Cadence;
import com.herald.scheduling.Cadences;
import com.herald.scheduling.DashboardStats;
import com.herald.scheduling.FireTime;
import com.herald.scheduling.FireTimes;
import com.herald.scheduling.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's queries. Each one is bounded and walks an index: {@code ix_schedules_next_run} for the coming
 * fires ({@code ix_schedules_team_next_run} for a team), {@code ix_schedules_status_updated} for paused schedules,
 * {@code ix_runs_status} (status, nominal_time) or {@code ix_runs_team_status_nominal} for failures and the daily
 * counts. The counts are grouped by hour in SQL (at most
 * 720 hours × 6 statuses) and summed into the user's days here, so that day boundaries follow the user's zone,
 * daylight saving time included.
 */
@Repository
class DashboardRepository implements DashboardStats {

    private static final List<String> COUNTED =
            List.of("SUCCEEDED", "EMPTY", "FAILED", "TIMED_OUT", "SKIPPED", "MISSED");
    private static final int FIRES_PER_SCHEDULE = FireTimes.MAX_COUNT;
    private static final int FEW_FIRES = 3;

    /**
     * The global scope counts a whole month of runs (about a million rows with 30,000 daily schedules, seconds on a
     * busy server), so its finished days are kept for a few minutes per zone; today is always counted afresh.
     * A run whose status changes later (a retry, a backfill of an old fire) shows in an earlier day's bar after
     * at most this long. A team's counts come from the index (team_id, status, nominal_time) and are never cached.
     */
    static final Duration CLOSED_DAYS_TTL = Duration.ofMinutes(10);

    private record ClosedDays(Map<LocalDate, int[]> counts, long at) {}

    private final Map<String, ClosedDays> closedDays = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TeamAccess access;

    DashboardRepository(JdbcClient jdbc, JsonMapper json, TeamAccess access) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview(HeraldUser user, UUID teamId, ZoneId zone, Instant now) {
        List<UUID> teams = scope(user, teamId);
        if (teams != null && teams.isEmpty()) {
            return new Overview(false, List.of(), false, List.of(), 0, List.of(), 0, days(Map.of(), zone, now));
        }
        Map<String, Object> params = new HashMap<>();
        String team = "";
        if (teams != null) {
            team = " AND %s.team_id IN (:teams)";
            params.put("teams", teams);
        }
        boolean any = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM schedules s WHERE 1 = 1" + team.formatted("s")
                                + " LIMIT 1) x")
                        .params(params)
                        .query(Long.class)
                        .single()
                > 0;
        UpcomingList upcoming = upcoming(team.formatted("s"), params, now);
        Instant failuresFrom = now.minus(Duration.ofDays(FAILURE_DAYS));
        List<Failure> failures = failures(team.formatted("r"), params, failuresFrom);
        long failureCount = jdbc.sql("SELECT COUNT(*) FROM runs r WHERE r.status IN ('FAILED', 'TIMED_OUT')"
                        + " AND r.nominal_time >= :from" + team.formatted("r"))
                .params(params)
                .param("from", utc(failuresFrom))
                .query(Long.class)
                .single();
        List<Paused> paused = paused(user, team.formatted("s"), params);
        long pausedCount = jdbc.sql("SELECT COUNT(*) FROM schedules s WHERE s.status = 'PAUSED'" + team.formatted("s"))
                .params(params)
                .query(Long.class)
                .single();
        return new Overview(
                any,
                upcoming.fires(),
                upcoming.truncated(),
                failures,
                failureCount,
                paused,
                pausedCount,
                days(hourlyCounts(team.formatted("r"), params, zone, now), zone, now));
    }

    /** null: every team (a system admin); empty: nothing to show. */
    private List<UUID> scope(HeraldUser user, UUID teamId) {
        if (teamId != null) {
            return access.canView(user, teamId) ? List.of(teamId) : List.of();
        }
        if (user.systemAdmin()) {
            return null;
        }
        return access.visibleTeams(user).stream().map(t -> t.id()).toList();
    }

    private record UpcomingList(List<Upcoming> fires, boolean truncated) {}

    private record NextRow(
            UUID id,
            String name,
            String reportType,
            String reportTypeName,
            Cadence cadence,
            ZoneId zone,
            Instant startAt,
            Instant endAt,
            Instant next) {}

    private UpcomingList upcoming(String team, Map<String, Object> params, Instant now) {
        Instant until = now.plus(Duration.ofHours(24));
        List<NextRow> rows = jdbc.sql("""
                        SELECT s.id, s.name, s.report_type, s.cadence, s.time_zone, s.start_at, s.end_at, s.next_run_at,
                            (SELECT rt.name FROM report_types rt WHERE rt.type_key = s.report_type) AS report_type_name
                        FROM schedules s
                        WHERE s.status = 'ACTIVE' AND s.next_run_at >= :now AND s.next_run_at < :until""" + team + " ORDER BY s.next_run_at, s.id LIMIT :limit")
                .params(params)
                .param("now", utc(now))
                .param("until", utc(until))
                .param("limit", MAX_UPCOMING_SCHEDULES + 1)
                .query(this::nextRow)
                .list();
        boolean truncated = rows.size() > MAX_UPCOMING_SCHEDULES;
        List<Upcoming> fires = new ArrayList<>();
        for (NextRow row : rows.subList(0, Math.min(rows.size(), MAX_UPCOMING_SCHEDULES))) {
            fires.add(new Upcoming(row.id(), row.name(), row.reportType(), row.reportTypeName(), row.next()));
            List<FireTime> later;
            try {
                // most cadences fire at most a few times a day: ask for few fires first, for many only when needed
                later = FireTimes.next(row.cadence(), row.zone(), row.next(), row.startAt(), row.endAt(), FEW_FIRES);
                if (later.size() == FEW_FIRES && later.getLast().instant().isBefore(until)) {
                    later = FireTimes.next(
                            row.cadence(), row.zone(), row.next(), row.startAt(), row.endAt(), FIRES_PER_SCHEDULE);
                }
            } catch (RuntimeException e) {
                continue;
            }
            int added = 0;
            for (FireTime fire : later) {
                if (!fire.instant().isBefore(until)) {
                    break;
                }
                fires.add(new Upcoming(row.id(), row.name(), row.reportType(), row.reportTypeName(), fire.instant()));
                added++;
            }
            if (added == FIRES_PER_SCHEDULE) {
                truncated = true;
            }
        }
        fires.sort(Comparator.comparing(Upcoming::at).thenComparing(Upcoming::scheduleName));
        if (fires.size() > MAX_UPCOMING) {
            return new UpcomingList(List.copyOf(fires.subList(0, MAX_UPCOMING)), true);
        }
        return new UpcomingList(List.copyOf(fires), truncated);
    }

    private NextRow nextRow(ResultSet rs, int n) throws SQLException {
        Map<String, Object> cadence = json.readValue(rs.getString("cadence"), new TypeReference<>() {});
        String typeName = rs.getString("report_type_name");
        return new NextRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("report_type"),
                typeName == null ? rs.getString("report_type") : typeName,
                Cadences.parse(cadence),
                ZoneId.of(rs.getString("time_zone")),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                instant(rs, "next_run_at"));
    }

    private List<Failure> failures(String team, Map<String, Object> params, Instant from) {
        return jdbc.sql("""
                        SELECT r.id, r.schedule_id, r.schedule_name, r.nominal_time, r.finished_at, r.status,
                            r.error_category, r.error_message,
                            EXISTS (SELECT 1 FROM schedules s WHERE s.id = r.schedule_id) AS schedule_exists
                        FROM runs r
                        WHERE r.status IN ('FAILED', 'TIMED_OUT') AND r.nominal_time >= :from""" + team + " ORDER BY r.nominal_time DESC, r.id DESC LIMIT :limit")
                .params(params)
                .param("from", utc(from))
                .param("limit", MAX_LISTED)
                .query((rs, n) -> {
                    Instant finished = instant(rs, "finished_at");
                    return new Failure(
                            rs.getObject("id", UUID.class),
                            rs.getObject("schedule_id", UUID.class),
                            rs.getString("schedule_name"),
                            rs.getBoolean("schedule_exists"),
                            finished != null ? finished : instant(rs, "nominal_time"),
                            RunStatus.valueOf(rs.getString("status")),
                            rs.getString("error_category"),
                            Db.truncate(rs.getString("error_message"), 200));
                })
                .list();
    }

    private List<Paused> paused(HeraldUser user, String team, Map<String, Object> params) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.team_id, s.owner_id, s.paused_reason, s.updated_at,
                            t.name AS team_name, u.display_name AS owner_name
                        FROM schedules s JOIN teams t ON t.id = s.team_id JOIN users u ON u.id = s.owner_id
                        WHERE s.status = 'PAUSED'""" + team + " ORDER BY s.updated_at DESC, s.id DESC LIMIT :limit")
                .params(params)
                .param("limit", MAX_LISTED)
                .query((rs, n) -> {
                    String reason = rs.getString("paused_reason");
                    return new Paused(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("team_name"),
                            rs.getString("owner_name"),
                            reason != null,
                            reason,
                            instant(rs, "updated_at"),
                            access.canManageSchedule(
                                    user, rs.getObject("team_id", UUID.class), rs.getObject("owner_id", UUID.class)));
                })
                .list();
    }

    private static Instant firstDay(ZoneId zone, Instant now) {
        return LocalDate.ofInstant(now, zone)
                .minusDays(DAYS - 1)
                .atStartOfDay(zone)
                .toInstant();
    }

    /** Run counts per local day: the global scope's finished days come from {@link #closedDays}, today is live. */
    private Map<LocalDate, int[]> hourlyCounts(String team, Map<String, Object> params, ZoneId zone, Instant now) {
        Instant from = firstDay(zone, now);
        Instant today = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Instant until =
                LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        if (!team.isEmpty()) {
            return count(team, params, zone, from, until);
        }
        String key = zone.getId() + "|" + from + "|" + today;
        long nowNanos = System.nanoTime();
        ClosedDays closed = closedDays.get(key);
        if (closed == null || nowNanos - closed.at() > CLOSED_DAYS_TTL.toNanos()) {
            closed = new ClosedDays(count(team, params, zone, from, today), nowNanos);
            if (closedDays.size() > 64) {
                closedDays.clear();
            }
            closedDays.put(key, closed);
        }
        Map<LocalDate, int[]> counts = new HashMap<>();
        closed.counts().forEach((day, c) -> counts.put(day, c.clone()));
        count(team, params, zone, today, until).forEach(counts::put);
        return counts;
    }

    private Map<LocalDate, int[]> count(
            String team, Map<String, Object> params, ZoneId zone, Instant from, Instant until) {
        Map<LocalDate, int[]> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT TIMESTAMPDIFF(HOUR, :from, r.nominal_time) AS h, r.status, COUNT(*) AS n
                        FROM runs r
                        WHERE r.status IN (:statuses) AND r.nominal_time >= :from AND r.nominal_time < :until""" + team + " GROUP BY h, r.status")
                .params(params)
                .param("from", utc(from))
                .param("until", utc(until))
                .param("statuses", COUNTED)
                .query(rs -> {
                    LocalDate day = LocalDate.ofInstant(from.plus(Duration.ofHours(rs.getLong("h"))), zone);
                    int[] c = counts.computeIfAbsent(day, d -> new int[3]);
                    int n = rs.getInt("n");
                    switch (rs.getString("status")) {
                        case "SUCCEEDED", "EMPTY" -> c[0] += n;
                        case "FAILED", "TIMED_OUT" -> c[1] += n;
                        default -> c[2] += n;
                    }
                });
        return counts;
    }

    private static List<Day> days(Map<LocalDate, int[]> counts, ZoneId zone, Instant now) {
        LocalDate first = LocalDate.ofInstant(now, zone).minusDays(DAYS - 1);
        List<Day> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = first.plusDays(i);
            int[] c = counts.getOrDefault(date, new int[3]);
            days.add(new Day(date, c[0], c[1], c[2]));
        }
        return List.copyOf(days);
    }
}
