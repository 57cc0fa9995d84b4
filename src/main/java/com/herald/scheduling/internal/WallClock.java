package com.herald.scheduling.internal;

import java.time.LocalDateTime;
import java.util.Optional;

/** The nominal wall-clock times of a cadence, without any time zone. */
interface WallClock {

    /** The first time strictly after {@code after}, if any. */
    Optional<LocalDateTime> next(LocalDateTime after);

    /** The last time strictly before {@code before}, if any. */
    Optional<LocalDateTime> previous(LocalDateTime before);

    /** Whether a time in a fall-back overlap fires in both occurrences (hour field {@code *} or a step). */
    boolean everyHour();
}
