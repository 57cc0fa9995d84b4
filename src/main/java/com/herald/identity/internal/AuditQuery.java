package com.herald.identity.internal;

import com.herald.identity.AuditEntry;
import com.herald.platform.SqlLike;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit log with filters; {@code teams} null means every event (system admins). */
@Repository
public class AuditQuery {

    public record Filter(String action, String actor, UUID team, Instant from, Instant to) {}

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> page(Filter filter, Collection<UUID> teams, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, teams, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM audit_events" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_email"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("target_label"),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("diff"),
                        rs.getString("ip"),
                        rs.getString("request_id")))
                .list();
    }

    public long count(Filter filter, Collection<UUID> teams) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, teams, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_events" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(Filter filter, Collection<UUID> teams, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (teams != null) {
            if (teams.isEmpty()) {
                clauses.add("FALSE");
            } else {
                clauses.add("team_id IN ("
                        + String.join(",", teams.stream().map(t -> "?").toList()) + ")");
                params.addAll(teams);
            }
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            clauses.add("action LIKE ?");
            params.add(SqlLike.startsWith(filter.action().trim()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            clauses.add("actor_email LIKE ?");
            params.add(SqlLike.contains(filter.actor().trim()));
        }
        if (filter.team() != null) {
            clauses.add("team_id = ?");
            params.add(filter.team());
        }
        if (filter.from() != null) {
            clauses.add("occurred_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("occurred_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
