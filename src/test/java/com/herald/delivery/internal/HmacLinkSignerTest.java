package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HmacLinkSignerTest {

    static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final HmacLinkSigner signer = new HmacLinkSigner(() -> KEY, clock);

    @Test
    void aTokenGivesItsPayloadBackAndIsUrlSafe() {
        String payload = "0190f5a2-2222-7000-8000-000000000002\nrené@example.com";
        String token = signer.sign("unsubscribe", payload, null);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(signer.verify("unsubscribe", token)).contains(payload);
        now.set(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(signer.verify("unsubscribe", token)).as("no expiry").contains(payload);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = signer.sign("download", "artifact-1", now.get().plus(Duration.ofHours(1)));
        assertThat(signer.verify("download", token)).contains("artifact-1");
        now.set(now.get().plus(Duration.ofMinutes(59)));
        assertThat(signer.verify("download", token)).contains("artifact-1");
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(signer.verify("download", token)).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = signer.sign("download", "artifact-1", now.get().plus(Duration.ofHours(1)));
        String[] parts = token.split("\\.");
        // another payload with the old signature
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("artifact-2".getBytes());
        assertThat(signer.verify("download", otherPayload + "." + parts[1] + "." + parts[2]))
                .isEmpty();
        // a later expiry with the old signature
        String later = Long.toString(now.get().plus(Duration.ofDays(365)).getEpochSecond(), 36);
        assertThat(signer.verify("download", parts[0] + "." + later + "." + parts[2]))
                .isEmpty();
        // no expiry at all with the old signature
        assertThat(signer.verify("download", parts[0] + ".." + parts[2])).isEmpty();
        // one character of the signature changed
        char last = parts[2].charAt(0);
        String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThat(signer.verify("download", parts[0] + "." + parts[1] + "." + flipped))
                .isEmpty();
        for (String junk : new String[] {"", ".", "..", "...", "abc", "a.b.c", "!!.!!.!!", token + ".x"}) {
            assertThat(signer.verify("download", junk)).as(junk).isEmpty();
        }
        assertThat(signer.verify("download", null)).isEmpty();
    }

    @Test
    void aTokenWorksForItsPurposeOnlyAndOnlyWithItsKey() {
        String token = signer.sign("download", "artifact-1", null);
        assertThat(signer.verify("unsubscribe", token)).isEmpty();
        byte[] otherKey = KEY.clone();
        otherKey[0] = 8;
        assertThat(new HmacLinkSigner(() -> otherKey, clock).verify("download", token))
                .isEmpty();
        assertThat(new HmacLinkSigner(() -> KEY.clone(), clock).verify("download", token))
                .contains("artifact-1");
    }
}
