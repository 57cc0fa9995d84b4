package com.herald.recipients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team-owned recipient list with its members in the order they were entered. */
public record RecipientList(
        UUID id,
        UUID teamId,
        String name,
        String description,
        List<Recipient> members,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
