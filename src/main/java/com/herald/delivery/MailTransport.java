package com.herald.delivery;

import jakarta.mail.internet.MimeMessage;

/**
 * Where Herald's email goes: the configured SMTP server, or the outbox table when none is configured.
 * Callers build a {@link MimeMessage} from {@link #createMimeMessage()} and hand it to {@link #send}.
 */
public interface MailTransport {

    MimeMessage createMimeMessage();

    /**
     * Sends the message (saving its changes first, so headers such as Message-ID are final) and says
     * what the server answered.
     *
     * @throws DeliveryFailure when the server or the recipient's address refuses it
     */
    SendReceipt send(MimeMessage message);

    /** True when messages are stored in the outbox instead of being sent. */
    boolean isOutbox();

    /** Where messages go, for the settings page and logs, e.g. "smtp.example.com:587". */
    String destination();
}
