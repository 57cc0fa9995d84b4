package com.herald.delivery.internal;

import com.herald.delivery.LinkSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token: {@code base64url(payload) "." expiry "." base64url(mac)}, where expiry is the epoch second in
 * base 36 (empty: none) and mac the first 16 bytes of HMAC-SHA256 over purpose, payload and expiry.
 * 128 bits of MAC are far beyond guessing and keep the links in emails short.
 */
@Component
class HmacLinkSigner implements LinkSigner {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> key;
    private final Clock clock;
    private volatile SecretKeySpec spec;

    @Autowired
    HmacLinkSigner(LinkSigningKey key) {
        this(key::get, Clock.systemUTC());
    }

    HmacLinkSigner(Supplier<byte[]> key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    @Override
    public String sign(String purpose, String payload, Instant expiresAt) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(payload, "payload");
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        String expiry = expiresAt == null ? "" : Long.toString(expiresAt.getEpochSecond(), 36);
        return ENCODER.encodeToString(data) + "." + expiry + "." + ENCODER.encodeToString(mac(purpose, data, expiry));
    }

    @Override
    public Optional<String> verify(String purpose, String token) {
        if (purpose == null || token == null || token.length() > 4096) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] data = DECODER.decode(parts[0]);
            byte[] given = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(given, mac(purpose, data, parts[1]))) {
                return Optional.empty();
            }
            if (!parts[1].isEmpty() && !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1], 36)))) {
                return Optional.empty();
            }
            return Optional.of(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: not a token of ours
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] payload, String expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(spec());
            // lengths first, so no two (purpose, payload, expiry) triples feed the same bytes
            byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
            byte[] e = expiry.getBytes(StandardCharsets.US_ASCII);
            mac.update(ByteBuffer.allocate(12)
                    .putInt(p.length)
                    .putInt(payload.length)
                    .putInt(e.length)
                    .array());
            mac.update(p);
            mac.update(payload);
            mac.update(e);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    // loaded on first use: the key may live in the database, which is not needed before that
    private SecretKeySpec spec() {
        SecretKeySpec current = spec;
        if (current == null) {
            current = new SecretKeySpec(key.get(), "HmacSHA256");
            spec = current;
        }
        return current;
    }
}
