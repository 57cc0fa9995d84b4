package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import com.herald.identity.UserDirectory;
import com.herald.identity.UserSummary;
import com.herald.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository implements UserDirectory {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HeraldUser> findByEmail(String email) {
        return jdbc.sql("""
                        SELECT id, email, display_name, password_hash, system_admin, enabled,
                               locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP(6) AS locked,
                               time_zone, locale
                        FROM users WHERE email = ?""")
                .param(normalize(email))
                .query((rs, n) -> new HeraldUser(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("system_admin"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("locked"),
                        rs.getString("time_zone"),
                        rs.getString("locale")))
                .optional();
    }

    Optional<HeraldUser> findById(UUID id) {
        return jdbc.sql("SELECT email FROM users WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .flatMap(this::findByEmail);
    }

    UUID create(String email, String displayName, String passwordHash, boolean systemAdmin) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, system_admin, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, normalize(email), displayName, passwordHash, systemAdmin, now, now)
                .update();
        return id;
    }

    void recordLogin(String email) {
        jdbc.sql("UPDATE users SET last_login_at = ?, failed_logins = 0 WHERE email = ?")
                .params(Timestamp.from(Instant.now()), normalize(email))
                .update();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    @Override
    public List<UserSummary> list(int limit, int offset) {
        return jdbc.sql("""
                        SELECT id, email, display_name, system_admin, enabled, time_zone, locale,
                               last_login_at, created_at
                        FROM users ORDER BY email LIMIT ? OFFSET ?""")
                .params(limit, offset)
                .query(UserRepository::summary)
                .list();
    }

    private static UserSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp("last_login_at");
        return new UserSummary(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("enabled"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                lastLogin == null ? null : lastLogin.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
