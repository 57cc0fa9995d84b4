package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import com.herald.delivery.SendReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Stores each message, byte for byte as it would go over SMTP, in the outbox table. */
final class OutboxMailTransport implements MailTransport {

    static final String STORED = "stored in outbox";

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
    public SendReceipt send(MimeMessage message) {
        try {
            message.saveChanges();
            outbox.store(message);
            return new SendReceipt(message.getMessageID(), STORED);
        } catch (MessagingException e) {
            // a message that cannot be written out is a bug of its composer, not a delivery problem
            throw new IllegalStateException("Could not store the message in the outbox", e);
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
