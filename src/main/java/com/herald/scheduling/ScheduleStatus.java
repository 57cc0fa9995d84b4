package com.herald.scheduling;

import java.util.Locale;
import java.util.Optional;

/** Whether a schedule fires. A paused schedule keeps its history; {@code pausedReason} says why. */
public enum ScheduleStatus {
    ACTIVE,
    PAUSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ScheduleStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ScheduleStatus s : values()) {
            if (s.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
