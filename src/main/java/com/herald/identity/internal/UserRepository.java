package com.herald.identity.internal;

import com.herald.identity.HeraldUser;
import com.herald.identity.UserAccount;
import com.herald.identity.UserDirectory;
import com.herald.identity.UserSummary;
import com.herald.platform.Ids;
import com.herald.platform.SqlLike;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository implements UserDirectory {

    private static final String ACCOUNT_COLUMNS = """
            id, email, display_name, system_admin, enabled,
            locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP(6) AS locked,
            password_hash IS NOT NULL AS password_set, time_zone, locale, last_login_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String PRINCIPAL_COLUMNS = """
            id, email, display_name, password_hash, system_admin, enabled,
            locked_until IS NOT NULL AND locked_until > UTC_TIMESTAMP(6) AS locked, time_zone, locale""";

    public Optional<HeraldUser> findByEmail(String email) {
        return jdbc.sql("SELECT " + PRINCIPAL_COLUMNS + " FROM users WHERE email = ?")
                .param(normalize(email))
                .query(UserRepository::principal)
                .optional();
    }

    /** One indexed query: every API request resolves its key's user through here. */
    public Optional<HeraldUser> findById(UUID id) {
        return jdbc.sql("SELECT " + PRINCIPAL_COLUMNS + " FROM users WHERE id = ?")
                .param(id)
                .query(UserRepository::principal)
                .optional();
    }

    private static HeraldUser principal(ResultSet rs, int row) throws SQLException {
        return new HeraldUser(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("enabled"),
                rs.getBoolean("locked"),
                rs.getString("time_zone"),
                rs.getString("locale"));
    }

    public Optional<UserAccount> account(UUID id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE id = ?")
                .param(id)
                .query(UserRepository::account)
                .optional();
    }

    public List<UserAccount> search(String query, int limit, int offset) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS
                        + " FROM users WHERE (? IS NULL OR email LIKE ? OR display_name LIKE ?)"
                        + " ORDER BY email LIMIT ? OFFSET ?")
                .params(query, SqlLike.contains(query), SqlLike.contains(query), limit, offset)
                .query(UserRepository::account)
                .list();
    }

    public long countMatching(String query) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE (? IS NULL OR email LIKE ? OR display_name LIKE ?)")
                .params(query, SqlLike.contains(query), SqlLike.contains(query))
                .query(Long.class)
                .single();
    }

    public UUID create(String email, String displayName, String passwordHash, boolean systemAdmin) {
        return create(email, displayName, passwordHash, systemAdmin, "UTC", "en");
    }

    public UUID create(
            String email,
            String displayName,
            String passwordHash,
            boolean systemAdmin,
            String timeZone,
            String locale) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, system_admin, time_zone, locale,
                                           created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, normalize(email), displayName, passwordHash, systemAdmin, timeZone, locale, now, now)
                .update();
        return id;
    }

    public void update(
            UUID id, String displayName, boolean systemAdmin, boolean enabled, String timeZone, String locale) {
        jdbc.sql("""
                        UPDATE users SET display_name = ?, system_admin = ?, enabled = ?, time_zone = ?, locale = ?,
                               updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(displayName, systemAdmin, enabled, timeZone, locale, Timestamp.from(Instant.now()), id)
                .update();
    }

    public void setPassword(UUID id, String passwordHash) {
        jdbc.sql("""
                        UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?
                        WHERE id = ?""").params(passwordHash, Timestamp.from(Instant.now()), id).update();
    }

    public void recordLogin(String email) {
        jdbc.sql("UPDATE users SET last_login_at = ?, failed_logins = 0, locked_until = NULL WHERE email = ?")
                .params(Timestamp.from(Instant.now()), normalize(email))
                .update();
    }

    /** Counts a failed sign-in; at the limit the account is locked for the lockout period. Returns true if locked now. */
    public boolean recordFailedLogin(String email, int limit, Duration lockout) {
        int updated = jdbc.sql("""
                        UPDATE users SET failed_logins = failed_logins + 1,
                               locked_until = IF(failed_logins + 1 >= ?, ?, locked_until)
                        WHERE email = ?""")
                .params(limit, Timestamp.from(Instant.now().plus(lockout)), normalize(email))
                .update();
        if (updated == 0) {
            return false;
        }
        return jdbc.sql("SELECT failed_logins >= ? FROM users WHERE email = ?")
                .params(limit, normalize(email))
                .query(Boolean.class)
                .single();
    }

    public long countSystemAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE system_admin AND enabled")
                .query(Long.class)
                .single();
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
        return new UserSummary(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("enabled"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                instant(rs.getTimestamp("last_login_at")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("enabled"),
                rs.getBoolean("locked"),
                rs.getBoolean("password_set"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                instant(rs.getTimestamp("last_login_at")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
