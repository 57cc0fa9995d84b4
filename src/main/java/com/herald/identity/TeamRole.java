package com.herald.identity;

/** A member's role in a team (product.md §2), from least to most. */
public enum TeamRole {
    VIEWER,
    EDITOR,
    TEAM_ADMIN;

    public boolean atLeast(TeamRole other) {
        return compareTo(other) >= 0;
    }
}
