package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamSummary;
import com.herald.platform.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository implements TeamAccess {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TeamRole> roleIn(HeraldUser user, UUID teamId) {
        return jdbc.sql("SELECT role FROM memberships WHERE team_id = ? AND user_id = ?")
                .params(teamId, user.id())
                .query((rs, n) -> TeamRole.valueOf(rs.getString(1)))
                .optional();
    }

    @Override
    public List<TeamSummary> visibleTeams(HeraldUser user) {
        if (user.systemAdmin()) {
            return jdbc.sql("""
                            SELECT t.id, t.name, t.slug, m.role FROM teams t
                            LEFT JOIN memberships m ON m.team_id = t.id AND m.user_id = ?
                            ORDER BY t.name""")
                    .param(user.id())
                    .query((rs, n) -> new TeamSummary(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("slug"),
                            rs.getString("role") == null ? null : TeamRole.valueOf(rs.getString("role"))))
                    .list();
        }
        return jdbc.sql("""
                        SELECT t.id, t.name, t.slug, m.role FROM teams t
                        JOIN memberships m ON m.team_id = t.id AND m.user_id = ?
                        ORDER BY t.name""")
                .param(user.id())
                .query((rs, n) -> new TeamSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("slug"),
                        TeamRole.valueOf(rs.getString("role"))))
                .list();
    }

    UUID create(String name, String slug) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO teams (id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, slug, now, now)
                .update();
        return id;
    }

    void putMember(UUID teamId, UUID userId, TeamRole role) {
        jdbc.sql("""
                        INSERT INTO memberships (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE role = VALUES(role)""")
                .params(teamId, userId, role.name(), Timestamp.from(Instant.now()))
                .update();
    }
}
