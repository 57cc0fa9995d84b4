package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailPreparationException;

/** Stores each message, byte for byte as it would go over SMTP, in the outbox table. */
final class OutboxMailTransport implements MailTransport {

    private final Session session = Session.getInstance(new Properties());
    private final OutboxRepository outbox;

    OutboxMailTransport(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return new MimeMessage(session);
    }

    @Override
    public void send(MimeMessage message) {
        try {
            message.saveChanges();
            outbox.store(message);
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not store the message in the outbox", e);
        }
    }

    @Override
    public boolean isOutbox() {
        return true;
    }

    @Override
    public String destination() {
        return "outbox";
    }
}
