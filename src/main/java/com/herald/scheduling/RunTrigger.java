package com.herald.scheduling;

import java.util.Locale;

/** Why a run exists. A nominal fire produces at most one run per trigger kind. */
public enum RunTrigger {
    /** The cadence fired on time. */
    SCHEDULED,
    /** Someone pressed "run now" (or the API's trigger). */
    MANUAL,
    /**
     * Reserved for the API's vocabulary. A retry re-opens the run itself (attempt + 1), so a nominal fire keeps
     * one run and one delivery per address, and a sent delivery stays sent.
     */
    RETRY,
    /** A fire missed while Herald was down, run late within the catch-up window. */
    CATCH_UP,
    /** A missed fire run on request. */
    BACKFILL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
