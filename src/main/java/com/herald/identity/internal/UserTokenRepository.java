package com.herald.identity.internal;

import com.herald.platform.Ids;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links for invitations and password resets: 256 random bits in the link, only their
 * SHA-256 stored, an expiry, and a used-at stamp set atomically when the link is used.
 */
@Repository
public class UserTokenRepository {

    public enum Purpose {
        INVITATION,
        PASSWORD_RESET
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    UserTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new token for the user; earlier unused tokens of the same purpose stop working. */
    public String issue(UUID userId, Purpose purpose, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        jdbc.sql("UPDATE user_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId, purpose.name())
                .update();
        jdbc.sql("""
                        INSERT INTO user_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        Ids.newId(),
                        userId,
                        purpose.name(),
                        ApiKeyRepository.hash(token),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(validity)))
                .update();
        return token;
    }

    /** The user the token belongs to, if it is valid (right purpose, not expired, not used). */
    public Optional<UUID> peek(String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT user_id FROM user_tokens
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(ApiKeyRepository.hash(token), purpose.name(), Timestamp.from(Instant.now()))
                .query(UUID.class)
                .optional();
    }

    /** Marks the token used; only one caller ever succeeds for a token. */
    public Optional<UUID> consume(String token, Purpose purpose) {
        Optional<UUID> user = peek(token, purpose);
        if (user.isEmpty()) {
            return user;
        }
        int updated = jdbc.sql("""
                        UPDATE user_tokens SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(
                        Timestamp.from(Instant.now()),
                        ApiKeyRepository.hash(token),
                        purpose.name(),
                        Timestamp.from(Instant.now()))
                .update();
        return updated == 1 ? user : Optional.empty();
    }
}
