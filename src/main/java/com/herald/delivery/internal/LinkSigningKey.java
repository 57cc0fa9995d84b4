package com.herald.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key of {@link HmacLinkSigner}, the same on every instance of a cluster: derived from
 * HERALD_SECRET_KEY when it is set (never that key itself: it also encrypts passwords), otherwise
 * generated once and kept in {@code link_signing_keys}. Two instances starting together both try to
 * insert; the primary key keeps the first, and both read that one.
 */
@Component
class LinkSigningKey {

    static final String NAME = "links-v1";

    private final Environment env;
    private final JdbcClient jdbc;
    private final String name;

    @Autowired
    LinkSigningKey(Environment env, JdbcClient jdbc) {
        this(env, jdbc, NAME);
    }

    /** Under another name: tests race for a fresh key without touching the application's. */
    LinkSigningKey(Environment env, JdbcClient jdbc, String name) {
        this.env = env;
        this.jdbc = jdbc;
        this.name = name;
    }

    byte[] get() {
        String secret = env.getProperty("herald.secret-key");
        if (secret != null && !secret.isBlank()) {
            return derive(decode(secret.strip(), "HERALD_SECRET_KEY"));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT IGNORE INTO link_signing_keys (name, secret, created_at) VALUES (?, ?, ?)")
                .params(name, Base64.getEncoder().encodeToString(fresh), Timestamp.from(Instant.now()))
                .update();
        String stored = jdbc.sql("SELECT secret FROM link_signing_keys WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
        return decode(stored, "link_signing_keys." + name);
    }

    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("herald link signing v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not valid base64; create one with 'openssl rand -base64 32'");
        }
    }
}
