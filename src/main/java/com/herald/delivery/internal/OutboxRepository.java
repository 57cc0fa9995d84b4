package com.herald.delivery.internal;

import com.herald.delivery.OutboxMessage;
import com.herald.platform.Ids;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID store(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MailPreparationException("Could not serialize the message", e);
        }
        UUID id = Ids.newId();
        String from = addresses(message.getFrom());
        jdbc.sql("""
                        INSERT INTO outbox_messages
                            (id, created_at, message_id, from_address, to_addresses, subject, size_bytes, raw_message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        Timestamp.from(Instant.now()),
                        truncate(message.getMessageID(), 255),
                        truncate(from, 320),
                        truncate(addresses(message.getAllRecipients()), 2000),
                        truncate(message.getSubject(), 998),
                        raw.size(),
                        raw.toByteArray())
                .update();
        return id;
    }

    public List<OutboxMessage> page(int limit, int offset) {
        return jdbc.sql("""
                        SELECT id, created_at, from_address, to_addresses, subject, message_id, size_bytes
                        FROM outbox_messages ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(limit, offset)
                .query(OutboxRepository::summary)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages")
                .query(Long.class)
                .single();
    }

    public Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("""
                        SELECT id, created_at, from_address, to_addresses, subject, message_id, size_bytes
                        FROM outbox_messages WHERE id = ?""").param(id).query(OutboxRepository::summary).optional();
    }

    public Optional<byte[]> raw(UUID id) {
        return jdbc.sql("SELECT raw_message FROM outbox_messages WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    private static OutboxMessage summary(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("from_address"),
                rs.getString("to_addresses"),
                rs.getString("subject"),
                rs.getString("message_id"),
                rs.getInt("size_bytes"));
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
