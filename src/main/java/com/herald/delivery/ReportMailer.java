package com.herald.delivery;

/** Composes and sends report emails (one per recipient), through SMTP or into the outbox. */
public interface ReportMailer {

    /**
     * Composes the email (HTML and text bodies, attachments, List-Unsubscribe headers, a Message-ID
     * derived from run and address, so a retry of the same delivery carries the same id) and sends it.
     *
     * @throws DeliveryFailure when the server or the address refuses it
     * @throws IllegalArgumentException when the subject contains a line break
     */
    SendReceipt send(ReportEmail email);
}
