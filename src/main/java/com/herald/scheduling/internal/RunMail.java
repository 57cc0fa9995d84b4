package com.herald.scheduling.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Sends one run's email to one recipient; the delivery module does the composing. */
interface RunMail {

    record Attachment(String fileName, String contentType, Path file) {}

    record Outgoing(
            UUID runId,
            UUID scheduleId,
            String to,
            String toName,
            String subject,
            String reportName,
            String scheduleName,
            String periodLabel,
            long rowCount,
            List<Attachment> attachments) {}

    /** Why an email was not sent; {@code retryable} false for a recipient the server refuses for good. */
    class SendFailure extends RuntimeException {
        final String category;
        final boolean retryable;

        SendFailure(String category, boolean retryable, String message, Throwable cause) {
            super(message, cause);
            this.category = category;
            this.retryable = retryable;
        }
    }

    /** Sends it; returns the Message-ID. */
    String send(Outgoing email);
}
