package com.herald.support;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what Herald stored in the outbox, for tests of emails in embedded mode. */
@Component
public class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages to the address, with or without a display name ("Ann <ann@example.com>"). */
    public List<MimeMessage> to(String address) {
        return jdbc.sql("""
                        SELECT raw_message FROM outbox_messages WHERE to_addresses = ? OR to_addresses LIKE ?
                        ORDER BY created_at""")
                .params(address, "%<" + address + ">")
                .query((rs, n) -> parse(rs.getBytes(1)))
                .list();
    }

    /** The first link of the last message to the address whose path contains the fragment. */
    public Optional<String> lastLink(String address, String pathFragment) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return linkIn(messages.getLast(), pathFragment);
    }

    public static Optional<String> linkIn(MimeMessage message, String pathFragment) {
        try {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            String text = decodeQuotedPrintable(raw.toString(java.nio.charset.StandardCharsets.UTF_8));
            Matcher matcher = Pattern.compile(
                            "https?://[^\\s\"<>]*" + Pattern.quote(pathFragment) + "[A-Za-z0-9_.-]*[A-Za-z0-9_-]")
                    .matcher(text);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decodeQuotedPrintable(String text) {
        return text.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
