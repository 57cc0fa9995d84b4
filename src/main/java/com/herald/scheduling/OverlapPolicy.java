package com.herald.scheduling;

import java.util.Locale;
import java.util.Optional;

/** What a fire does while the schedule's previous run is still going (product.md §3). */
public enum OverlapPolicy {
    /** The fire is recorded as {@code skipped}. The default. */
    SKIP,
    /** The fire waits for the running one; at most one waits, further fires are skipped. */
    QUEUE,
    /** Runs side by side. */
    ALLOW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OverlapPolicy> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (OverlapPolicy p : values()) {
            if (p.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
