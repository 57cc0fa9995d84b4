package com.herald.identity;

import java.time.Instant;
import java.util.UUID;

/** A team member as the team page and the API show it. */
public record Member(UUID userId, String email, String name, TeamRole role, boolean pending, Instant since) {}
