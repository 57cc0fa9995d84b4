package com.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates users straight in the database, for tests that need more than the bootstrap admin. */
@Component
public class TestUsers {

    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
    public static final String API_KEY = "test-bootstrap-api-key-0123456789abcdef";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public TestUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A plain (non-admin) user with a unique email; returns the email. */
    public String createUser(String password) {
        String email = "user-" + UUID.randomUUID() + "@test.local";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, system_admin, created_at, updated_at)
                        VALUES (?, ?, ?, ?, FALSE, ?, ?)""")
                .params(UUID.randomUUID(), email, "Test User", encoder.encode(password), now, now)
                .update();
        return email;
    }
}
