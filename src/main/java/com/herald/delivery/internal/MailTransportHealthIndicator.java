package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Says where mail goes; with SMTP configured, Spring Boot's "mail" indicator also checks the connection. */
@Component("mailTransportHealthIndicator")
class MailTransportHealthIndicator implements HealthIndicator {

    private final MailTransport transport;
    private final OutboxRepository outbox;

    MailTransportHealthIndicator(MailTransport transport, OutboxRepository outbox) {
        this.transport = transport;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("transport", transport.isOutbox() ? "outbox" : "smtp");
        if (transport.isOutbox()) {
            health.withDetail("stored_messages", outbox.count());
        } else {
            health.withDetail("destination", transport.destination());
        }
        return health.build();
    }
}
