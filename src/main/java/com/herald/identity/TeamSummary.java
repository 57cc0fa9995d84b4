package com.herald.identity;

import java.util.UUID;

/** A team as other modules see it, with the caller's role in it (null for a system admin who is no member). */
public record TeamSummary(UUID id, String name, String slug, TeamRole role) {}
