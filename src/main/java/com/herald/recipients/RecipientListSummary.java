package com.herald.recipients;

import java.time.Instant;
import java.util.UUID;

/** A list as a row of the overview: no members, only how many there are. */
public record RecipientListSummary(
        UUID id,
        UUID teamId,
        String name,
        String description,
        int memberCount,
        int activeCount,
        Instant createdAt,
        Instant updatedAt) {}
