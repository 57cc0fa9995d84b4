package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import com.herald.identity.Member;
import com.herald.identity.Team;
import com.herald.identity.TeamAccess;
import com.herald.identity.TeamRole;
import com.herald.identity.TeamSummary;
import com.herald.platform.Ids;
import com.herald.platform.SqlLike;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeamRepository implements TeamAccess {

    private static final String TEAM_COLUMNS =
            "t.id, t.name, t.slug, t.created_at, t.updated_at, (SELECT COUNT(*) FROM memberships m WHERE m.team_id = t.id) AS members";

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
        String join = user.systemAdmin() ? "LEFT JOIN" : "JOIN";
        return jdbc.sql("SELECT t.id, t.name, t.slug, m.role FROM teams t " + join
                        + " memberships m ON m.team_id = t.id AND m.user_id = ? ORDER BY t.name")
                .param(user.id())
                .query((rs, n) -> new TeamSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("slug"),
                        rs.getString("role") == null ? null : TeamRole.valueOf(rs.getString("role"))))
                .list();
    }

    public Optional<Team> find(UUID id) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.id = ?")
                .param(id)
                .query(TeamRepository::team)
                .optional();
    }

    public List<Team> visible(HeraldUser user, String query, int limit, int offset) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE " + visibility(user)
                        + " AND (? IS NULL OR t.name LIKE ?) ORDER BY t.name LIMIT ? OFFSET ?")
                .params(user.id(), query, SqlLike.contains(query), limit, offset)
                .query(TeamRepository::team)
                .list();
    }

    public long countVisible(HeraldUser user, String query) {
        return jdbc.sql("SELECT COUNT(*) FROM teams t WHERE " + visibility(user) + " AND (? IS NULL OR t.name LIKE ?)")
                .params(user.id(), query, SqlLike.contains(query))
                .query(Long.class)
                .single();
    }

    private static String visibility(HeraldUser user) {
        return user.systemAdmin()
                ? "(? IS NOT NULL OR TRUE)"
                : "EXISTS (SELECT 1 FROM memberships m WHERE m.team_id = t.id AND m.user_id = ?)";
    }

    public UUID create(String name, String slug) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO teams (id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, slug, now, now)
                .update();
        return id;
    }

    public void rename(UUID id, String name, String slug) {
        jdbc.sql("UPDATE teams SET name = ?, slug = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(name, slug, Timestamp.from(Instant.now()), id)
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM teams WHERE id = ?").param(id).update();
    }

    public List<Member> members(UUID teamId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, u.display_name, m.role, u.password_hash IS NULL AS pending, m.created_at
                        FROM memberships m JOIN users u ON u.id = m.user_id
                        WHERE m.team_id = ? ORDER BY u.email""")
                .param(teamId)
                .query((rs, n) -> new Member(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getBoolean("pending"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Optional<TeamRole> role(UUID teamId, UUID userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE team_id = ? AND user_id = ?")
                .params(teamId, userId)
                .query((rs, n) -> TeamRole.valueOf(rs.getString(1)))
                .optional();
    }

    public long countAdmins(UUID teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE team_id = ? AND role = 'TEAM_ADMIN'")
                .param(teamId)
                .query(Long.class)
                .single();
    }

    public void putMember(UUID teamId, UUID userId, TeamRole role) {
        jdbc.sql("""
                        INSERT INTO memberships (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE role = VALUES(role)""")
                .params(teamId, userId, role.name(), Timestamp.from(Instant.now()))
                .update();
    }

    public boolean removeMember(UUID teamId, UUID userId) {
        return jdbc.sql("DELETE FROM memberships WHERE team_id = ? AND user_id = ?")
                        .params(teamId, userId)
                        .update()
                == 1;
    }

    private static Team team(ResultSet rs, int row) throws SQLException {
        return new Team(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("members"));
    }
}
