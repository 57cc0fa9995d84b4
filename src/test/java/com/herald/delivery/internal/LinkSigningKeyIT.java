package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.delivery.LinkSigner;
import com.herald.delivery.Unsubscribes;
import com.herald.support.IntegrationTest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Every instance of a cluster signs alike: the key comes from the shared database or HERALD_SECRET_KEY. */
@IntegrationTest
class LinkSigningKeyIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Autowired
    LinkSigner appSigner;

    @Autowired
    Unsubscribes unsubscribes;

    @Test
    void anotherInstanceOnTheSameDatabaseVerifiesThisOnesTokensAndTheOtherWayRound() {
        HmacLinkSigner otherInstance = new HmacLinkSigner(new LinkSigningKey(env, jdbc)::get, Clock.systemUTC());
        UUID schedule = UUID.randomUUID();

        String token = unsubscribes.token(schedule, "both@example.com");
        assertThat(otherInstance.verify("unsubscribe", token)).contains(schedule + "\nboth@example.com");
        String download =
                otherInstance.sign("download", "artifact", Instant.now().plusSeconds(60));
        assertThat(appSigner.verify("download", download)).contains("artifact");
    }

    @Test
    void twoInstancesStartingTogetherEndUpWithOneKey() throws Exception {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        int instances = 6;
        CyclicBarrier start = new CyclicBarrier(instances);
        List<Future<byte[]>> keys = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                Callable<byte[]> instance = () -> {
                    start.await();
                    return new LinkSigningKey(env, jdbc, name).get();
                };
                keys.add(pool.submit(instance));
            }
        }
        byte[] first = keys.getFirst().get();
        assertThat(first).hasSize(32);
        for (Future<byte[]> key : keys) {
            assertThat(key.get()).isEqualTo(first);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM link_signing_keys WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        HmacLinkSigner a = new HmacLinkSigner(new LinkSigningKey(env, jdbc, name)::get, Clock.systemUTC());
        HmacLinkSigner b = new HmacLinkSigner(new LinkSigningKey(env, jdbc, name)::get, Clock.systemUTC());
        assertThat(b.verify("x", a.sign("x", "payload", null))).contains("payload");
    }

    @Test
    void withHeraldSecretKeyTheKeyIsDerivedFromItAndTheDatabaseIsNotUsed() {
        byte[] secret = new byte[32];
        secret[5] = 42;
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        MockEnvironment configured = new MockEnvironment()
                .withProperty("herald.secret-key", Base64.getEncoder().encodeToString(secret));

        byte[] one = new LinkSigningKey(configured, jdbc, name).get();
        byte[] two = new LinkSigningKey(configured, jdbc, name).get();

        assertThat(one).hasSize(32).isEqualTo(two).isNotEqualTo(secret);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM link_signing_keys WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
