package com.herald.support;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates users, teams, memberships and API keys straight in the database, for tests that need more
 * than the bootstrap admin. Everything gets a unique name, so tests sharing a context never collide.
 * Use a returned {@link HeraldUser} with MockMvc's {@code user(...)} post-processor.
 */
@Component
public class TestUsers {

    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    public static final String API_KEY = "test-bootstrap-api-key-0123456789abcdef";
    public static final String PASSWORD = "a-long-enough-password";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final java.util.Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    public TestUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A plain (non-admin) user with a unique email; returns the email. */
    public String createUser(String password) {
        return createUserAccount(password, false).email();
    }

    /** A user with {@link #PASSWORD}. */
    public HeraldUser createUserAccount(boolean systemAdmin) {
        return createUserAccount(PASSWORD, systemAdmin);
    }

    private HeraldUser createUserAccount(String password, boolean systemAdmin) {
        UUID id = UUID.randomUUID();
        String email = "user-" + id + "@test.local";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, system_admin, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        email,
                        "Test User",
                        hashes.computeIfAbsent(password, encoder::encode),
                        systemAdmin,
                        now,
                        now)
                .update();
        return new HeraldUser(id, email, "Test User", null, systemAdmin, true, false, "UTC", "en");
    }

    /** The bootstrap system administrator. */
    public HeraldUser admin() {
        UUID id = jdbc.sql("SELECT id FROM users WHERE email = ?")
                .param(ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        return new HeraldUser(id, ADMIN_EMAIL, "Administrator", null, true, true, false, "UTC", "en");
    }

    /** A team with a unique name; returns its id. */
    public UUID createTeam() {
        UUID id = UUID.randomUUID();
        String slug = "team-" + id.toString().substring(0, 8);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO teams (id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, "Team " + id.toString().substring(0, 8), slug, now, now)
                .update();
        return id;
    }

    /** A new user who is a member of the team with that role. */
    public HeraldUser createMember(UUID teamId, TeamRole role) {
        HeraldUser user = createUserAccount(false);
        addMember(teamId, user, role);
        return user;
    }

    public void addMember(UUID teamId, HeraldUser user, TeamRole role) {
        jdbc.sql("INSERT INTO memberships (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")
                .params(teamId, user.id(), role.name(), Timestamp.from(Instant.now()))
                .update();
    }

    /** An API key for the user with the scopes (e.g. "read,write"); returns the secret. */
    public String createApiKey(HeraldUser user, String scopes) {
        String secret = "test-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        user.id(),
                        "test",
                        secret.substring(0, 8),
                        sha256(secret),
                        scopes,
                        Timestamp.from(Instant.now()))
                .update();
        return secret;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
