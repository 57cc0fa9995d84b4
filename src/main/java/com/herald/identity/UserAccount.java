package com.herald.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as administrators see it. */
public record UserAccount(
        UUID id,
        String email,
        String displayName,
        boolean systemAdmin,
        boolean enabled,
        boolean locked,
        boolean passwordSet,
        String timeZone,
        String locale,
        Instant lastLoginAt,
        Instant createdAt,
        Instant updatedAt) {}
