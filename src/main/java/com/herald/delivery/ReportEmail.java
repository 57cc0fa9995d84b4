package com.herald.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One report email to one recipient of one run, ready to compose: everything is already rendered
 * (subject, period label, the HTML table), the mailer only lays it out and sends it.
 *
 * @param subject already rendered ({@link SubjectTemplate#render}); a line break in it is refused
 * @param htmlTable for the HTML format, the first rows as rendered by Herald's own renderer (trusted HTML,
 *     inlined as is); null otherwise
 * @param attachments files small enough to attach, streamed from disk when the message is written
 * @param links artifacts too large to attach: a signed download link each
 * @param zone the time zone expiry times are shown in
 */
public record ReportEmail(
        UUID runId,
        UUID scheduleId,
        String to,
        String toName,
        Locale locale,
        String subject,
        String reportName,
        String scheduleName,
        String periodLabel,
        long rowCount,
        boolean empty,
        String htmlTable,
        List<Attachment> attachments,
        List<DownloadLink> links,
        ZoneId zone) {

    /** A file on local disk to attach; read only while the message is written out. */
    public record Attachment(String fileName, String contentType, Path file) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(file, "file");
        }
    }

    /** An artifact too large to attach, downloadable until {@code expiresAt} (null: no expiry). */
    public record DownloadLink(String fileName, URI url, Instant expiresAt) {
        public DownloadLink {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(url, "url");
        }
    }

    public ReportEmail {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        locale = locale == null ? Locale.ENGLISH : locale;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        links = links == null ? List.of() : List.copyOf(links);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** Expiry times shown in UTC. */
    public ReportEmail(
            UUID runId,
            UUID scheduleId,
            String to,
            String toName,
            Locale locale,
            String subject,
            String reportName,
            String scheduleName,
            String periodLabel,
            long rowCount,
            boolean empty,
            String htmlTable,
            List<Attachment> attachments,
            List<DownloadLink> links) {
        this(
                runId,
                scheduleId,
                to,
                toName,
                locale,
                subject,
                reportName,
                scheduleName,
                periodLabel,
                rowCount,
                empty,
                htmlTable,
                attachments,
                links,
                ZoneOffset.UTC);
    }
}
