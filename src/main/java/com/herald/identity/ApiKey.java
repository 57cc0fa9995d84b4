package com.herald.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as its owner sees it: never the secret, only its first characters. */
public record ApiKey(
        UUID id,
        UUID userId,
        String name,
        String prefix,
        List<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
