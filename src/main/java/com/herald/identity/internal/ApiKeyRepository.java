package com.herald.identity.internal;

import com.herald.identity.ApiKey;
import com.herald.platform.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys are stored as SHA-256 of the secret: the secrets are long random strings, so a fast hash
 * is enough and lets every request be checked with one indexed lookup.
 */
@Repository
public class ApiKeyRepository {

    record StoredKey(UUID id, UUID userId, Set<String> scopes) {}

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredKey> findActive(String secret) {
        return jdbc.sql("SELECT id, user_id, scopes FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL")
                .param(hash(secret))
                .query((rs, n) -> new StoredKey(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(",")))))
                .optional();
    }

    boolean exists(String secret) {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE secret_hash = ?")
                        .param(hash(secret))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public UUID create(UUID userId, String name, String secret, Set<String> scopes) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        userId,
                        name,
                        secret.substring(0, 8),
                        hash(secret),
                        String.join(",", scopes),
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    /** Written at most once a minute per key, so a busy script does not turn every GET into a write. */
    void touch(UUID keyId) {
        jdbc.sql("""
                        UPDATE api_keys SET last_used_at = UTC_TIMESTAMP(6)
                        WHERE id = ? AND (last_used_at IS NULL OR last_used_at < UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE)""").param(keyId).update();
    }

    public List<ApiKey> listFor(UUID userId) {
        return jdbc.sql("""
                        SELECT id, user_id, name, prefix, scopes, created_at, last_used_at, revoked_at
                        FROM api_keys WHERE user_id = ? ORDER BY revoked_at IS NOT NULL, created_at DESC""")
                .param(userId)
                .query((rs, n) -> new ApiKey(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        List.of(rs.getString("scopes").split(",")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql("SELECT user_id FROM api_keys WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .optional()
                .flatMap(user ->
                        listFor(user).stream().filter(k -> k.id().equals(id)).findFirst());
    }

    public boolean revoke(UUID id, UUID userId) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                        .params(Timestamp.from(Instant.now()), id, userId)
                        .update()
                == 1;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
