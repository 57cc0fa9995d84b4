package com.herald.delivery.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.ReportEmail;
import com.herald.platform.PublicUrl;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Lays out report emails and owner notices: multipart/mixed [multipart/alternative [text, HTML],
 * attachments…], bodies from {@code templates/mail/}, attachments streamed from disk when the message is
 * written (never held in memory here).
 */
@Component
class ReportEmailComposer {

    static {
        MailStreamProvider.pin();
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    /**
     * Stands for the unsubscribe link in cached bodies: letters, digits and colons only, so that HTML escaping leaves
     * it as it is, and random, so that no report's content can contain it.
     */
    static final String UNSUBSCRIBE_MARKER =
            "urn:herald:unsubscribe:" + HexFormat.of().formatHex(randomBytes(12));

    private static final int RECENT_BODIES = 16;

    private final MailTemplates templates;
    private final MessageSource messages;
    private final MailProperties properties;
    private final PublicUrl publicUrl;
    private final Map<BodiesKey, Bodies> recentBodies = new ConcurrentHashMap<>();

    ReportEmailComposer(
            MailTemplates templates, MessageSource messages, MailProperties properties, PublicUrl publicUrl) {
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    /**
     * @throws IllegalArgumentException when the subject has a line break or an attachment is not readable
     * @throws DeliveryFailure (recipient) when the address is not a valid one
     */
    MimeMessage compose(ReportEmail email, URI unsubscribeUrl) {
        // a line break would start a header of the subject's choosing; SubjectTemplate never makes one
        if (email.subject().indexOf('\r') >= 0 || email.subject().indexOf('\n') >= 0) {
            throw new IllegalArgumentException("The subject must not contain a line break");
        }
        for (ReportEmail.Attachment attachment : email.attachments()) {
            if (!Files.isReadable(attachment.file())) {
                throw new IllegalArgumentException("Attachment not readable: " + attachment.file());
            }
        }
        InternetAddress to = recipient(email.to(), email.toName());
        try {
            MimeMessage message = new FixedIdMimeMessage(SESSION, messageId(email));
            headers(message, to, email.subject());
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl.toASCIIString() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

            Bodies rendered = reportBodies(email);
            String unsubscribe = unsubscribeUrl.toString();
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies(
                    rendered.text().replace(UNSUBSCRIBE_MARKER, unsubscribe),
                    rendered.html().replace(UNSUBSCRIBE_MARKER, HtmlUtils.htmlEscape(unsubscribe))));
            for (ReportEmail.Attachment attachment : email.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not compose the report email", e);
        }
    }

    /**
     * The text and HTML bodies of a report email, with {@link #UNSUBSCRIBE_MARKER} where the recipient's unsubscribe
     * link goes: the one part of the bodies that differs between the recipients of a run. Rendered once per run and
     * language rather than once per recipient (the two templates were a third of the CPU time of sending a report
     * email; docs/benchmarks.md, Mail); the last few are kept.
     */
    Bodies reportBodies(ReportEmail email) {
        Map<String, Object> model = reportModel(email, UNSUBSCRIBE_MARKER);
        BodiesKey key = new BodiesKey(email.locale(), model);
        Bodies cached = recentBodies.get(key);
        if (cached != null) {
            return cached;
        }
        Bodies rendered = new Bodies(
                templates.render("mail/report.txt", email.locale(), model),
                templates.render("mail/report.html", email.locale(), model));
        if (recentBodies.size() >= RECENT_BODIES) {
            recentBodies.clear();
        }
        recentBodies.put(key, rendered);
        return rendered;
    }

    record Bodies(String text, String html) {}

    /** The model holds only immutable values (strings, numbers, lists of them); it is not changed once built. */
    private record BodiesKey(Locale locale, Map<String, Object> model) {}

    /** The owner notice of a schedule that paused itself; an ordinary random Message-ID. */
    MimeMessage autoPaused(
            String ownerEmail,
            String ownerName,
            Locale locale,
            String scheduleName,
            int failures,
            String lastError,
            URI scheduleUrl) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        InternetAddress to = recipient(ownerEmail, ownerName);
        Map<String, Object> model = new HashMap<>();
        model.put("ownerName", oneLine(ownerName));
        model.put("scheduleName", oneLine(scheduleName));
        model.put("failures", failures);
        model.put("lastError", lastError == null || lastError.isBlank() ? null : lastError.strip());
        model.put("scheduleUrl", scheduleUrl.toString());
        String subject = messages.getMessage(
                "mail.autoPaused.subject", new Object[] {oneLine(scheduleName), failures}, language);
        model.put("subject", subject);
        try {
            MimeMessage message = new MimeMessage(SESSION);
            headers(message, to, oneLine(subject));
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies(
                    templates.render("mail/auto-paused.txt", language, model),
                    templates.render("mail/auto-paused.html", language, model)));
            message.setContent(mixed);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not compose the notice", e);
        }
    }

    /**
     * {@code <run id>.<first 16 hex digits of SHA-256 of the lower-cased address>@<public host>}: one id
     * per run and recipient, the same on every retry, without showing the address.
     */
    String messageId(ReportEmail email) {
        String host = publicUrl.configured() ? publicUrl.host() : "herald.local";
        return "<" + email.runId() + "." + addressHash(email.to()) + "@" + host + ">";
    }

    static String addressHash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void headers(MimeMessage message, InternetAddress to, String subject) throws MessagingException {
        message.setFrom(sender());
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        // RFC 3834: no out-of-office replies to a machine
        message.setHeader("Auto-Submitted", "auto-generated");
    }

    private Map<String, Object> reportModel(ReportEmail email, String unsubscribeUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", email.subject());
        model.put("lang", email.locale().getLanguage());
        model.put("reportName", email.reportName());
        model.put("scheduleName", email.scheduleName());
        model.put("periodLabel", email.periodLabel());
        model.put("rowCount", NumberFormat.getIntegerInstance(email.locale()).format(email.rowCount()));
        model.put("empty", email.empty());
        model.put("htmlTable", email.empty() ? null : email.htmlTable());
        model.put(
                "attachments",
                email.attachments().stream()
                        .map(ReportEmail.Attachment::fileName)
                        .toList());
        List<Map<String, String>> links = new ArrayList<>();
        for (ReportEmail.DownloadLink link : email.links()) {
            Map<String, String> row = new HashMap<>();
            row.put("fileName", link.fileName());
            row.put("url", link.url().toString());
            row.put("expires", expiry(link.expiresAt(), email.locale(), email.zone()));
            links.add(row);
        }
        model.put("links", links);
        model.put("unsubscribeUrl", unsubscribeUrl);
        return model;
    }

    private static String expiry(Instant expiresAt, Locale locale, ZoneId zone) {
        if (expiresAt == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(expiresAt)
                + " (" + (zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ")";
    }

    private static MimeBodyPart bodies(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        return body;
    }

    private static MimeBodyPart attachmentPart(ReportEmail.Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileSource(attachment)));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(CONTROL.matcher(attachment.fileName()).replaceAll("_"));
        // set up front: otherwise the encoding is chosen by reading the whole file once more
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private InternetAddress sender() throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(properties.from());
        if (parsed.length != 1) {
            throw new AddressException("herald.mail.from must be one address", properties.from());
        }
        return withName(parsed[0].getAddress(), parsed[0].getPersonal());
    }

    /** The recipient, refused unless it is exactly one plain address (no name part, no list, no line break). */
    private static InternetAddress recipient(String address, String name) {
        String plain = address == null ? "" : address.strip();
        try {
            InternetAddress parsed = new InternetAddress(plain, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(plain)) {
                throw new AddressException("Not a plain address", plain);
            }
            return withName(plain, name);
        } catch (AddressException e) {
            throw DeliveryFailure.recipient("Not a valid email address: " + plain, e);
        }
    }

    private static InternetAddress withName(String address, String name) throws AddressException {
        String personal = oneLine(name);
        if (personal == null || personal.isBlank()) {
            return new InternetAddress(address);
        }
        try {
            return new InternetAddress(address, personal, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll(" ").strip();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** An attachment read from its file when the message is written, as often as that happens. */
    private record FileSource(ReportEmail.Attachment attachment) implements DataSource {

        @Override
        public InputStream getInputStream() throws java.io.IOException {
            return Files.newInputStream(attachment.file());
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return attachment.contentType();
        }

        @Override
        public String getName() {
            return attachment.fileName();
        }
    }
}
