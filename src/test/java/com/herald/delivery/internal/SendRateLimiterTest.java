package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** On a fake clock: waiting advances it, so the test measures the pacing without sleeping. */
class SendRateLimiterTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final AtomicLong waits = new AtomicLong();
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    final BlockingStrategy waiting = wait -> {
        waits.incrementAndGet();
        nanos.addAndGet(wait);
    };

    @Test
    void twentyPerSecondSpacesMessagesFiftyMillisecondsApart() throws InterruptedException {
        SendRateLimiter limiter = SendRateLimiter.of(20, clock, waiting);
        long start = nanos.get();

        for (int i = 0; i < 101; i++) {
            limiter.acquire();
        }

        long elapsed = nanos.get() - start;
        // the first goes at once, each of the other 100 waits its 50 ms
        assertThat(elapsed).isBetween(TimeUnit.MILLISECONDS.toNanos(5_000), TimeUnit.MILLISECONDS.toNanos(5_001));
        assertThat(waits.get()).isEqualTo(100);
    }

    @Test
    void afterAQuietSpellThereIsNoBurst() throws InterruptedException {
        SendRateLimiter limiter = SendRateLimiter.of(2, clock, waiting);
        limiter.acquire();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        long start = nanos.get();

        for (int i = 0; i < 3; i++) {
            limiter.acquire();
        }

        assertThat(nanos.get() - start).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1_000));
    }

    @Test
    void zeroMeansNoLimit() throws InterruptedException {
        SendRateLimiter limiter = SendRateLimiter.of(0, clock, waiting);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(limiter.limited()).isFalse();
        assertThat(waits.get()).isZero();
        assertThat(SendRateLimiter.of(0.5, clock, waiting).limited()).isTrue();
    }
}
