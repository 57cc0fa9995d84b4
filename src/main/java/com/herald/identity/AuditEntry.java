package com.herald.identity;

import java.time.Instant;
import java.util.UUID;

/** A recorded audit event as the audit page shows it; diff is JSON {field: {from, to}}. */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        String actorEmail,
        String action,
        String targetType,
        String targetId,
        String targetLabel,
        UUID teamId,
        String diff,
        String ip,
        String requestId) {}
