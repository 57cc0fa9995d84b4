package com.herald.scheduling.internal;

import com.herald.delivery.MailTransport;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

@Component
class TransportRunMail implements RunMail {

    private final MailTransport transport;
    private final String from;

    TransportRunMail(MailTransport transport, @Value("${herald.mail.from}") String from) {
        this.transport = transport;
        this.from = from;
    }

    @Override
    public String send(Outgoing email) {
        String messageId = messageId(email);
        try {
            MimeMessage message = new FixedIdMessage(transport.createMimeMessage(), messageId);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(
                    MimeMessage.RecipientType.TO,
                    new InternetAddress(email.to(), email.toName(), StandardCharsets.UTF_8.name()));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(
                    email.reportName() + "\n" + email.periodLabel() + "\n" + email.rowCount() + " rows\n",
                    StandardCharsets.UTF_8.name());
            mixed.addBodyPart(text);
            for (Attachment a : email.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new FileDataSource(a.file().toFile()) {
                    @Override
                    public String getContentType() {
                        return a.contentType();
                    }
                }));
                part.setFileName(a.fileName());
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
            transport.send(message);
            return messageId;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new SendFailure("recipient", false, e.getMessage(), e);
        } catch (MailException e) {
            throw new SendFailure("smtp", true, e.getMessage(), e);
        }
    }

    static String messageId(Outgoing email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.to().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "<" + email.runId() + "." + HexFormat.of().formatHex(hash, 0, 8) + "@herald.local>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the deterministic Message-ID through saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(MimeMessage template, String id) throws MessagingException {
            super(
                    template.getSession() == null
                            ? Session.getInstance(new java.util.Properties())
                            : template.getSession());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
