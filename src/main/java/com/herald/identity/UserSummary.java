package com.herald.identity;

import java.time.Instant;
import java.util.UUID;

public record UserSummary(
        UUID id,
        String email,
        String displayName,
        boolean systemAdmin,
        boolean enabled,
        String timeZone,
        String locale,
        Instant lastLoginAt,
        Instant createdAt) {}
