package com.herald.delivery.internal;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The global send rate over SMTP (herald.mail.max-per-second), for relays that throttle or block fast
 * senders. A bucket of one token refilled every 1/rate seconds, so messages are paced evenly rather than
 * sent in bursts; a sender waits until its token is due. Per instance: a cluster of N instances sends up
 * to N times the rate.
 */
class SendRateLimiter {

    private static final SendRateLimiter UNLIMITED = new SendRateLimiter(null, null);

    private final Bucket bucket;
    private final BlockingStrategy waiting;

    private SendRateLimiter(Bucket bucket, BlockingStrategy waiting) {
        this.bucket = bucket;
        this.waiting = waiting;
    }

    static SendRateLimiter of(double perSecond) {
        return of(perSecond, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** With a clock and a way of waiting of the caller's choice: tests advance a fake clock instead. */
    static SendRateLimiter of(double perSecond, TimeMeter clock, BlockingStrategy waiting) {
        if (perSecond <= 0) {
            return UNLIMITED;
        }
        long period = Math.max(1, Math.round(1_000_000_000d / perSecond));
        Bucket bucket = Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(period)))
                .build();
        return new SendRateLimiter(bucket, waiting);
    }

    boolean limited() {
        return bucket != null;
    }

    /** Waits until the next message may go. */
    void acquire() throws InterruptedException {
        if (bucket != null) {
            bucket.asBlocking().consume(1, waiting);
        }
    }
}
