package com.herald.delivery.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The readable parts of a stored message: text and HTML bodies, attachment names and sizes. */
public record ParsedMessage(String text, String html, List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, int sizeBytes) {}

    public static ParsedMessage parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            Collector collector = new Collector();
            collector.visit(message);
            return new ParsedMessage(collector.text, collector.html, List.copyOf(collector.attachments));
        } catch (MessagingException | IOException e) {
            return new ParsedMessage(null, null, List.of());
        }
    }

    private static final class Collector {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void visit(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                byte[] content = part.getInputStream().readAllBytes();
                attachments.add(new Attachment(part.getFileName(), baseType(part), content.length));
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    visit(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }

        private static String baseType(Part part) throws MessagingException {
            String type = part.getContentType();
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        }
    }
}
