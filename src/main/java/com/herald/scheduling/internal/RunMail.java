package com.herald.scheduling.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.ReportEmail;
import com.herald.delivery.ReportMailer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Sends one run's email to one recipient through the delivery module, which composes it. */
@Component
class RunMail {

    record Attachment(String fileName, String contentType, Path file) {}

    record Link(String fileName, URI url, Instant expiresAt) {}

    record Outgoing(
            UUID runId,
            UUID scheduleId,
            String to,
            String toName,
            Locale locale,
            ZoneId zone,
            String subject,
            String reportName,
            String scheduleName,
            String periodLabel,
            long rowCount,
            String htmlTable,
            List<Attachment> attachments,
            List<Link> links) {}

    /** Why an email was not sent; {@code retryable} false for a recipient the server refuses for good. */
    static class SendFailure extends RuntimeException {
        final String category;
        final boolean retryable;

        SendFailure(String category, boolean retryable, String message, Throwable cause) {
            super(message, cause);
            this.category = category;
            this.retryable = retryable;
        }
    }

    private final ReportMailer mailer;

    RunMail(ReportMailer mailer) {
        this.mailer = mailer;
    }

    /** Sends it; returns the Message-ID. */
    String send(Outgoing email) {
        try {
            return mailer.send(new ReportEmail(
                            email.runId(),
                            email.scheduleId(),
                            email.to(),
                            email.toName(),
                            email.locale(),
                            email.subject(),
                            email.reportName(),
                            email.scheduleName(),
                            email.periodLabel(),
                            email.rowCount(),
                            email.rowCount() == 0,
                            email.htmlTable(),
                            email.attachments().stream()
                                    .map(a -> new ReportEmail.Attachment(a.fileName(), a.contentType(), a.file()))
                                    .toList(),
                            email.links().stream()
                                    .map(l -> new ReportEmail.DownloadLink(l.fileName(), l.url(), l.expiresAt()))
                                    .toList(),
                            email.zone()))
                    .messageId();
        } catch (DeliveryFailure e) {
            throw new SendFailure(e.category(), e.retryable(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SendFailure("recipient", false, e.getMessage(), e);
        }
    }
}
