package com.herald.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID is chosen by Herald. {@link MimeMessage#saveChanges()}, which every
 * transport calls before sending, would otherwise replace it with a random one; a fixed id lets a retry
 * of the same delivery carry the same id, so mail systems can recognise the duplicate.
 */
final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
