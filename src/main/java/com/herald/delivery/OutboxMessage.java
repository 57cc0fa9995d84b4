package com.herald.delivery;

import java.time.Instant;
import java.util.UUID;

/** One stored email in the outbox (no SMTP configured). */
public record OutboxMessage(
        UUID id, Instant createdAt, String from, String to, String subject, String messageId, int sizeBytes) {}
