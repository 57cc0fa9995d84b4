package com.herald.delivery.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.mail.*}: the sender of every email, and how the SMTP transport behaves.
 *
 * @param from HERALD_MAIL_FROM
 * @param poolSize SMTP connections kept open and reused (HERALD_MAIL_POOL_SIZE)
 * @param maxPerSecond at most this many messages a second over SMTP, for relays that limit senders; 0:
 *     no limit (HERALD_MAIL_MAX_PER_SECOND)
 * @param timeout connect, read and write timeout of SMTP, unless spring.mail.properties sets them
 *     (HERALD_MAIL_TIMEOUT)
 */
@ConfigurationProperties("herald.mail")
record MailProperties(
        @DefaultValue("Herald <herald@localhost>") String from,
        @DefaultValue("4") int poolSize,
        @DefaultValue("0") double maxPerSecond,
        @DefaultValue("10s") Duration timeout) {

    MailProperties {
        if (poolSize < 1) {
            throw new IllegalStateException("herald.mail.pool-size must be at least 1");
        }
        if (maxPerSecond < 0) {
            throw new IllegalStateException("herald.mail.max-per-second must be 0 (no limit) or more");
        }
    }
}
