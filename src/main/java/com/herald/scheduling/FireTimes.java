package com.herald.scheduling;

import com.herald.scheduling.internal.FireTimeEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * When a cadence fires in a zone: wall-clock times in {@code zone} with the DST rules of product.md §3 (see
 * docs/scheduling.md). Pure functions, safe to call from any thread.
 */
public final class FireTimes {

    /** The most fire times one call returns (api.md {@code count} ≤ 50). */
    public static final int MAX_COUNT = 50;

    private FireTimes() {}

    /**
     * The next {@code count} (1–50) fire times strictly after {@code after}, none before {@code startAt} or after
     * {@code endAt} (both inclusive bounds, both optional), in order. Fewer when the cadence or {@code endAt}
     * ends first.
     */
    public static List<FireTime> next(
            Cadence cadence, ZoneId zone, Instant after, Instant startAt, Instant endAt, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT);
        }
        return FireTimeEngine.next(cadence, zone, after, startAt, endAt, count);
    }

    /** The next fire time strictly after {@code after}, within the optional bounds. */
    public static Optional<FireTime> nextFireTime(
            Cadence cadence, ZoneId zone, Instant after, Instant startAt, Instant endAt) {
        return next(cadence, zone, after, startAt, endAt, 1).stream().findFirst();
    }

    /**
     * The last fire time strictly before {@code before}, ignoring start and end: the default reporting period of
     * a run at nominal time T is [previousFireTime(T), T).
     */
    public static Optional<FireTime> previousFireTime(Cadence cadence, ZoneId zone, Instant before) {
        return FireTimeEngine.previous(cadence, zone, before);
    }

    /**
     * The shortest interval between two consecutive nominal (wall-clock) fire times, looking five years (at most
     * 5,000 fires) ahead of now; empty when the cadence fires at most once. DST is not counted: the rule is
     * about the cadence, not about one night a year.
     */
    public static Optional<Duration> minimumInterval(Cadence cadence) {
        return minimumInterval(cadence, LocalDateTime.now(ZoneOffset.UTC));
    }

    /** {@link #minimumInterval(Cadence)} looking ahead from the wall-clock time {@code from}. */
    public static Optional<Duration> minimumInterval(Cadence cadence, LocalDateTime from) {
        return FireTimeEngine.minimumInterval(cadence, from, Duration.ZERO);
    }

    /** Whether two consecutive nominal fires can be closer than {@code minimum} (the report type's rule). */
    public static boolean firesMoreOftenThan(Cadence cadence, Duration minimum) {
        return FireTimeEngine.minimumInterval(cadence, LocalDateTime.now(ZoneOffset.UTC), minimum)
                .map(shortest -> shortest.compareTo(minimum) < 0)
                .orElse(false);
    }
}
