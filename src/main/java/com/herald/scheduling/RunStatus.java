package com.herald.scheduling;

import java.util.Locale;
import java.util.Optional;

/** Where a run is (product.md §1). Every status but queued and running is final. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    MISSED,
    TIMED_OUT,
    EMPTY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    /** Counts towards auto-pause. */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT;
    }

    public static Optional<RunStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (RunStatus s : values()) {
            if (s.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
