package com.herald.reports.internal;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamSummary;
import com.herald.platform.Ids;
import com.herald.platform.SqlLike;
import com.herald.reports.ParameterDefinition;
import com.herald.reports.ParameterType;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportTypeInfo;
import com.herald.reports.ReportTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Report types and their team grants; also the {@link ReportTypes} other modules ask. */
@Repository
public class ReportTypeRepository implements ReportTypes {

    /** Parameter definitions as stored in the JSON column. */
    record StoredParameter(
            String name,
            String label,
            String type,
            boolean required,
            String defaultValue,
            List<String> allowedValues) {}

    private static final String COLUMNS = """
            r.id, r.type_key, r.name, r.description, r.data_source_id, r.sql_text, r.parameters, r.default_format,
            r.layout, r.min_interval, r.system_report""";

    private final JdbcClient jdbc;
    private final TeamAccess teams;
    private final JsonMapper json;

    ReportTypeRepository(JdbcClient jdbc, TeamAccess teams, JsonMapper json) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.json = json;
    }

    @Override
    public List<ReportTypeInfo> usableBy(HeraldUser user, int limit, int offset) {
        return usableRecords(user, limit, offset).stream()
                .map(ReportTypeRecord::info)
                .toList();
    }

    public List<ReportTypeRecord> usableRecords(HeraldUser user, int limit, int offset) {
        if (user.systemAdmin()) {
            return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM report_types r ORDER BY r.name LIMIT ? OFFSET ?")
                    .params(limit, offset)
                    .query(this::map)
                    .list());
        }
        List<UUID> teamIds = teamIds(user);
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM report_types r WHERE EXISTS (SELECT 1 FROM "
                        + "report_type_teams g WHERE g.report_type_id = r.id AND g.team_id IN (:teams)) "
                        + "ORDER BY r.name LIMIT :limit OFFSET :offset")
                .param("teams", teamIds)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list());
    }

    @Override
    public List<ReportTypeInfo> searchUsable(HeraldUser user, String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String pattern = SqlLike.contains(query.strip());
        String match = "(r.name LIKE :pattern OR r.type_key LIKE :pattern)";
        if (user.systemAdmin()) {
            return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM report_types r WHERE " + match
                                    + " ORDER BY r.name LIMIT :limit")
                            .param("pattern", pattern)
                            .param("limit", limit)
                            .query(this::map)
                            .list())
                    .stream()
                    .map(ReportTypeRecord::info)
                    .toList();
        }
        List<UUID> teamIds = teamIds(user);
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM report_types r WHERE " + match
                                + " AND EXISTS (SELECT 1 FROM report_type_teams g WHERE g.report_type_id = r.id"
                                + " AND g.team_id IN (:teams)) ORDER BY r.name LIMIT :limit")
                        .param("pattern", pattern)
                        .param("teams", teamIds)
                        .param("limit", limit)
                        .query(this::map)
                        .list())
                .stream()
                .map(ReportTypeRecord::info)
                .toList();
    }

    @Override
    public long countUsableBy(HeraldUser user) {
        if (user.systemAdmin()) {
            return jdbc.sql("SELECT COUNT(*) FROM report_types")
                    .query(Long.class)
                    .single();
        }
        List<UUID> teamIds = teamIds(user);
        if (teamIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM report_types r WHERE EXISTS (SELECT 1 FROM report_type_teams g "
                        + "WHERE g.report_type_id = r.id AND g.team_id IN (:teams))")
                .param("teams", teamIds)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<ReportTypeInfo> findUsable(HeraldUser user, String key) {
        return findUsableRecord(user, key).map(ReportTypeRecord::info);
    }

    public Optional<ReportTypeRecord> findUsableRecord(HeraldUser user, String key) {
        Optional<ReportTypeRecord> found = findByKey(key);
        if (user.systemAdmin()) {
            return found;
        }
        Set<UUID> mine = new LinkedHashSet<>(teamIds(user));
        return found.filter(r -> r.teamIds().stream().anyMatch(mine::contains));
    }

    public Optional<ReportTypeRecord> findByKey(String key) {
        if (key == null || key.length() > 64) {
            return Optional.empty();
        }
        return withTeams(jdbc.sql("SELECT " + COLUMNS + " FROM report_types r WHERE r.type_key = ?")
                        .param(key)
                        .query(this::map)
                        .list())
                .stream()
                .findFirst();
    }

    public boolean keyTaken(String key, UUID exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM report_types WHERE type_key = ? AND (? IS NULL OR id <> ?)")
                        .params(key, exceptId, exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    public UUID create(ReportTypeRecord r) {
        UUID id = r.id() != null ? r.id() : Ids.newId();
        insert("INSERT", id, r);
        replaceGrants(id, r.teamIds());
        return id;
    }

    /** Creates it unless a report type with that key exists (several instances may seed at once). */
    @Transactional
    public boolean createIfAbsent(ReportTypeRecord r) {
        return insert("INSERT IGNORE", Ids.newId(), r) > 0;
    }

    private int insert(String verb, UUID id, ReportTypeRecord r) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql(verb + """
                         INTO report_types (id, type_key, name, description, data_source_id, sql_text, parameters,
                            default_format, layout, min_interval, system_report, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        r.key(),
                        r.name(),
                        r.description(),
                        r.dataSourceId(),
                        r.sql(),
                        toJson(r.parameters()),
                        r.defaultFormat().wire(),
                        r.layout(),
                        r.minimumInterval() == null ? null : r.minimumInterval().toString(),
                        r.systemReport(),
                        now,
                        now)
                .update();
    }

    @Transactional
    public void update(UUID id, ReportTypeRecord r) {
        jdbc.sql("""
                        UPDATE report_types SET type_key = ?, name = ?, description = ?, data_source_id = ?,
                            sql_text = ?, parameters = ?, default_format = ?, layout = ?, min_interval = ?,
                            updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(
                        r.key(),
                        r.name(),
                        r.description(),
                        r.dataSourceId(),
                        r.sql(),
                        toJson(r.parameters()),
                        r.defaultFormat().wire(),
                        r.layout(),
                        r.minimumInterval() == null ? null : r.minimumInterval().toString(),
                        Timestamp.from(Instant.now()),
                        id)
                .update();
        replaceGrants(id, r.teamIds());
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM report_types WHERE id = ?").param(id).update();
    }

    private void replaceGrants(UUID id, Collection<UUID> teamIds) {
        jdbc.sql("DELETE FROM report_type_teams WHERE report_type_id = ?")
                .param(id)
                .update();
        for (UUID team : new LinkedHashSet<>(teamIds)) {
            jdbc.sql("INSERT INTO report_type_teams (report_type_id, team_id) VALUES (?, ?)")
                    .params(id, team)
                    .update();
        }
    }

    private List<UUID> teamIds(HeraldUser user) {
        return teams.visibleTeams(user).stream().map(TeamSummary::id).toList();
    }

    private List<ReportTypeRecord> withTeams(List<ReportTypeRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<UUID, Set<UUID>> grants = new HashMap<>();
        jdbc.sql("SELECT report_type_id, team_id FROM report_type_teams WHERE report_type_id IN (:ids)")
                .param("ids", records.stream().map(ReportTypeRecord::id).toList())
                .query(rs -> {
                    grants.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        List<ReportTypeRecord> out = new ArrayList<>(records.size());
        for (ReportTypeRecord r : records) {
            out.add(new ReportTypeRecord(
                    r.id(),
                    r.key(),
                    r.name(),
                    r.description(),
                    r.dataSourceId(),
                    r.sql(),
                    r.parameters(),
                    r.defaultFormat(),
                    r.layout(),
                    r.minimumInterval(),
                    r.systemReport(),
                    Set.copyOf(grants.getOrDefault(r.id(), Set.of()))));
        }
        return out;
    }

    private ReportTypeRecord map(ResultSet rs, int n) throws SQLException {
        String interval = rs.getString("min_interval");
        return new ReportTypeRecord(
                rs.getObject("id", UUID.class),
                rs.getString("type_key"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("data_source_id", UUID.class),
                rs.getString("sql_text"),
                fromJson(rs.getString("parameters")),
                ReportFormat.fromWire(rs.getString("default_format")).orElse(ReportFormat.CSV),
                rs.getString("layout"),
                interval == null ? null : Duration.parse(interval),
                rs.getBoolean("system_report"),
                Set.of());
    }

    String toJson(List<ParameterDefinition> parameters) {
        return json.writeValueAsString(parameters.stream()
                .map(p -> new StoredParameter(
                        p.name(), p.label(), p.type().wire(), p.required(), p.defaultValue(), p.allowedValues()))
                .toList());
    }

    List<ParameterDefinition> fromJson(String text) {
        List<StoredParameter> stored = json.readValue(text, new TypeReference<List<StoredParameter>>() {});
        return stored.stream()
                .map(p -> new ParameterDefinition(
                        p.name(),
                        p.label(),
                        ParameterType.fromWire(p.type()).orElse(ParameterType.STRING),
                        p.required(),
                        p.defaultValue(),
                        p.allowedValues()))
                .toList();
    }
}
