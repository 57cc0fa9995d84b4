package com.herald.recipients.internal;

import com.herald.recipients.Recipient;
import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListSummary;
import com.herald.recipients.RecipientStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecipientListRepository {

    /** A list without its members. */
    record ListRow(
            UUID id, UUID teamId, String name, String description, Instant createdAt, Instant updatedAt, int version) {}

    private static final String SUMMARY_COLUMNS = """
            l.id, l.team_id, l.name, l.description, l.created_at, l.updated_at,
            (SELECT COUNT(*) FROM recipient_list_members m WHERE m.list_id = l.id) AS member_count,
            (SELECT COUNT(*) FROM recipient_list_members m WHERE m.list_id = l.id AND m.status = 'ACTIVE')
                AS active_count""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RecipientListRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<ListRow> find(UUID id) {
        return jdbc.sql("""
                        SELECT id, team_id, name, description, created_at, updated_at, version
                        FROM recipient_lists WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new ListRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        rs.getInt("version")))
                .optional();
    }

    List<Recipient> members(UUID listId) {
        return jdbc.sql("SELECT email, name, status FROM recipient_list_members WHERE list_id = ? ORDER BY position")
                .param(listId)
                .query((rs, n) -> new Recipient(
                        rs.getString("email"), rs.getString("name"), RecipientStatus.valueOf(rs.getString("status"))))
                .list();
    }

    Map<UUID, List<Recipient>> membersOf(Collection<UUID> listIds) {
        Map<UUID, List<Recipient>> members = new HashMap<>();
        if (listIds.isEmpty()) {
            return members;
        }
        listIds.forEach(id -> members.put(id, new ArrayList<>()));
        jdbc.sql("SELECT list_id, email, name, status FROM recipient_list_members WHERE list_id IN ("
                        + String.join(", ", listIds.stream().map(id -> "?").toList()) + ") ORDER BY list_id, position")
                .params(new ArrayList<Object>(listIds))
                .query((ResultSet rs) -> {
                    members.get(rs.getObject("list_id", UUID.class))
                            .add(new Recipient(
                                    rs.getString("email"),
                                    rs.getString("name"),
                                    RecipientStatus.valueOf(rs.getString("status"))));
                });
        return members;
    }

    /**
     * Lists of the given teams ({@code null}: every team), optionally of one team and with a name
     * containing {@code query}, by name.
     */
    List<RecipientListSummary> search(Collection<UUID> teams, UUID teamId, String query, int limit, int offset) {
        Where where = where(teams, teamId, query);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM recipient_lists l" + where.sql()
                        + " ORDER BY l.name, l.id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new RecipientListSummary(
                        rs.getObject("id", UUID.class),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("member_count"),
                        rs.getInt("active_count"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .list();
    }

    long count(Collection<UUID> teams, UUID teamId, String query) {
        Where where = where(teams, teamId, query);
        return jdbc.sql("SELECT COUNT(*) FROM recipient_lists l" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(Collection<UUID> teams, UUID teamId, String query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (teams != null) {
            if (teams.isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add("l.team_id IN ("
                        + String.join(", ", teams.stream().map(t -> "?").toList()) + ")");
                params.addAll(teams);
            }
        }
        if (teamId != null) {
            conditions.add("l.team_id = ?");
            params.add(teamId);
        }
        if (query != null && !query.isBlank()) {
            conditions.add("l.name LIKE ? ESCAPE '!'");
            params.add("%" + query.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    boolean nameTaken(UUID teamId, String name, UUID exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM recipient_lists WHERE team_id = ? AND name = ? AND id <> ?")
                        .params(teamId, name, exceptId == null ? new UUID(0, 0) : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, UUID teamId, String name, String description, Instant now) {
        jdbc.sql("""
                        INSERT INTO recipient_lists (id, team_id, name, description, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(id, teamId, name, description, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Saves name and description and bumps the version; false when the version moved on meanwhile. */
    boolean update(UUID id, String name, String description, Integer expectedVersion, Instant now) {
        if (expectedVersion == null) {
            return jdbc.sql("""
                                    UPDATE recipient_lists SET name = ?, description = ?, updated_at = ?,
                                    version = version + 1 WHERE id = ?""")
                            .params(name, description, Timestamp.from(now), id)
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                                UPDATE recipient_lists SET name = ?, description = ?, updated_at = ?,
                                version = version + 1 WHERE id = ? AND version = ?""")
                        .params(name, description, Timestamp.from(now), id, expectedVersion)
                        .update()
                == 1;
    }

    /** Replaces the members; an address already in the list keeps its status. */
    void replaceMembers(UUID listId, List<RecipientInput> members, Instant now) {
        Map<String, String> statuses = new HashMap<>();
        jdbc.sql("SELECT email, status FROM recipient_list_members WHERE list_id = ?")
                .param(listId)
                .query((ResultSet rs) -> {
                    statuses.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                });
        jdbc.sql("DELETE FROM recipient_list_members WHERE list_id = ?")
                .param(listId)
                .update();
        if (members.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            RecipientInput m = members.get(i);
            String status = statuses.getOrDefault(m.email().toLowerCase(Locale.ROOT), RecipientStatus.ACTIVE.name());
            rows.add(new Object[] {listId, m.email(), m.name(), status, i, at});
        }
        template.batchUpdate("""
                INSERT INTO recipient_list_members (list_id, email, name, status, position, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    int setStatus(UUID listId, String email, RecipientStatus status, Instant now) {
        return jdbc.sql(
                        "UPDATE recipient_list_members SET status = ?, status_changed_at = ? WHERE list_id = ? AND email = ?")
                .params(status.name(), Timestamp.from(now), listId, email)
                .update();
    }

    void touch(UUID listId, Instant now) {
        jdbc.sql("UPDATE recipient_lists SET updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), listId)
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM recipient_lists WHERE id = ?").param(id).update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
