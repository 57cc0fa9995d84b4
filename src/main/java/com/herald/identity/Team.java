package com.herald.identity;

import java.time.Instant;
import java.util.UUID;

public record Team(UUID id, String name, String slug, Instant createdAt, Instant updatedAt, long memberCount) {}
