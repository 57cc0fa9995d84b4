package com.herald.scheduling.internal;

import com.herald.scheduling.Cadence;
import com.herald.scheduling.FireTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Maps a cadence's wall-clock times to instants in a zone, with the DST rules of product.md §3:
 * <ul>
 *   <li>a time inside a spring-forward gap fires at the first instant after the gap, flagged as shifted;
 *   <li>a time inside a fall-back overlap fires at its first occurrence, and, when the expression fires every
 *       hour, also at its second occurrence (flagged as shifted);
 *   <li>two wall-clock times that land on the same instant (several times inside one gap) fire once.
 * </ul>
 * The first occurrences ("primary" instants) grow with the wall-clock time; second occurrences are the only
 * ones that can come out of order, so candidates wait in a queue until a later primary instant passes them.
 */
public final class FireTimeEngine {

    /** Protects against expressions that keep producing wall-clock times that never qualify. */
    private static final int MAX_STEPS = 2_000_000;

    private FireTimeEngine() {}

    static WallClock wallClock(Cadence cadence) {
        if (cadence instanceof Cadence.Monthly monthly && monthly.fallsBackInShortMonths()) {
            return new MonthlyFallback(monthly.dayOfMonth(), monthly.hour(), monthly.minute());
        }
        return CronSupport.wallClock(cadence.toCron());
    }

    /**
     * Fire times strictly after {@code after}, not before {@code startAt} and not after {@code endAt} (both
     * optional), at most {@code count}, in order.
     */
    public static List<FireTime> next(
            Cadence cadence, ZoneId zone, Instant after, Instant startAt, Instant endAt, int count) {
        return next(wallClock(cadence), zone, after, startAt, endAt, count);
    }

    static List<FireTime> next(WallClock clock, ZoneId zone, Instant after, Instant startAt, Instant endAt, int count) {
        List<FireTime> result = new ArrayList<>();
        if (count <= 0) {
            return result;
        }
        // fires at or after startAt only: strictly after the instant just before it
        Instant from = startAt != null && startAt.isAfter(after) ? startAt.minusNanos(1) : after;
        if (endAt != null && endAt.isBefore(from)) {
            return result;
        }
        ZoneRules rules = zone.getRules();
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone)
                .minus(overlapSlack(rules, from))
                .minusSeconds(1);
        PriorityQueue<FireTime> pending = new PriorityQueue<>(Comparator.comparing(FireTime::instant));
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<LocalDateTime> wall = clock.next(cursor);
            if (wall.isEmpty()) {
                break;
            }
            cursor = wall.get();
            List<FireTime> candidates = candidates(clock, zone, rules, cursor);
            Instant primary = candidates.getFirst().instant();
            while (!pending.isEmpty() && pending.peek().instant().isBefore(primary)) {
                if (emit(pending, from, endAt, count, result)) {
                    return result;
                }
            }
            if (endAt != null && primary.isAfter(endAt)) {
                pending.clear();
                break;
            }
            pending.addAll(candidates);
        }
        while (!pending.isEmpty()) {
            if (emit(pending, from, endAt, count, result)) {
                return result;
            }
        }
        return result;
    }

    /** Pops the earliest pending fire into the result (merging equal instants); true when the result is full. */
    private static boolean emit(
            PriorityQueue<FireTime> pending, Instant from, Instant endAt, int count, List<FireTime> result) {
        FireTime fire = pending.poll();
        while (!pending.isEmpty() && pending.peek().instant().equals(fire.instant())) {
            fire = merge(fire, pending.poll());
        }
        if (!fire.instant().isAfter(from) || (endAt != null && fire.instant().isAfter(endAt))) {
            return false;
        }
        if (!result.isEmpty() && result.getLast().instant().equals(fire.instant())) {
            result.set(result.size() - 1, merge(result.getLast(), fire));
            return false;
        }
        result.add(fire);
        return result.size() >= count;
    }

    private static FireTime merge(FireTime a, FireTime b) {
        if (a.dstShifted() && !b.dstShifted()) {
            return b;
        }
        return a;
    }

    /** The instants of one wall-clock time: the primary one first, then a second occurrence if it fires. */
    private static List<FireTime> candidates(WallClock clock, ZoneId zone, ZoneRules rules, LocalDateTime wall) {
        List<ZoneOffset> offsets = rules.getValidOffsets(wall);
        if (offsets.size() == 1) {
            return List.of(FireTime.of(wall.toInstant(offsets.getFirst()), zone, wall, false));
        }
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(wall);
            return List.of(FireTime.of(gap.getInstant(), zone, wall, true));
        }
        Instant a = wall.toInstant(offsets.get(0));
        Instant b = wall.toInstant(offsets.get(1));
        Instant first = a.isBefore(b) ? a : b;
        Instant second = a.isBefore(b) ? b : a;
        FireTime primary = FireTime.of(first, zone, wall, false);
        return clock.everyHour() ? List.of(primary, FireTime.of(second, zone, wall, true)) : List.of(primary);
    }

    /** The last fire strictly before {@code before}, ignoring start and end. */
    public static Optional<FireTime> previous(Cadence cadence, ZoneId zone, Instant before) {
        WallClock clock = wallClock(cadence);
        ZoneRules rules = zone.getRules();
        LocalDateTime cursor = LocalDateTime.ofInstant(before, zone)
                .plus(overlapSlack(rules, before))
                .plusSeconds(1);
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<LocalDateTime> wall = clock.previous(cursor);
            if (wall.isEmpty()) {
                return Optional.empty();
            }
            cursor = wall.get();
            Instant primary = candidates(clock, zone, rules, cursor).getFirst().instant();
            if (primary.isBefore(before)) {
                List<FireTime> between =
                        next(clock, zone, primary.minusNanos(1), null, before.minusNanos(1), Integer.MAX_VALUE);
                return between.isEmpty() ? Optional.empty() : Optional.of(between.getLast());
            }
        }
        return Optional.empty();
    }

    /**
     * The shortest time between two consecutive nominal (wall-clock) fire times, over five years or 5,000 fires
     * from {@code from}; stops early below {@code stopBelow}. Empty when the cadence fires less than twice.
     */
    public static Optional<Duration> minimumInterval(Cadence cadence, LocalDateTime from, Duration stopBelow) {
        switch (cadence) {
            case Cadence.Hourly hourly -> {
                return Optional.of(Duration.ofHours(1));
            }
            case Cadence.Daily daily -> {
                return Optional.of(Duration.ofDays(1));
            }
            case Cadence.Weekly weekly -> {
                List<java.time.DayOfWeek> days = weekly.daysOfWeek();
                int shortest = 7;
                for (int i = 0; i < days.size(); i++) {
                    int next = i + 1 < days.size()
                            ? days.get(i + 1).getValue()
                            : days.getFirst().getValue() + 7;
                    shortest = Math.min(shortest, next - days.get(i).getValue());
                }
                return Optional.of(Duration.ofDays(shortest));
            }
            default -> {
                // monthly and cron: scanned below
            }
        }
        WallClock clock = wallClock(cadence);
        LocalDateTime horizon = from.plusYears(5);
        Optional<LocalDateTime> previous = clock.next(from);
        Duration shortest = null;
        for (int i = 0; i < 5_000 && previous.isPresent() && previous.get().isBefore(horizon); i++) {
            Optional<LocalDateTime> next = clock.next(previous.get());
            if (next.isEmpty()) {
                break;
            }
            Duration gap = Duration.between(previous.get(), next.get());
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
                if (gap.compareTo(stopBelow) < 0 || gap.compareTo(Duration.ofSeconds(1)) <= 0) {
                    break;
                }
            }
            previous = next;
        }
        return Optional.ofNullable(shortest);
    }

    /** The longest fall-back overlap among the zone's transitions within two days of {@code around}. */
    private static Duration overlapSlack(ZoneRules rules, Instant around) {
        Duration slack = Duration.ZERO;
        Instant end = around.plus(Duration.ofDays(2));
        ZoneOffsetTransition transition = rules.nextTransition(around.minus(Duration.ofDays(2)));
        while (transition != null && !transition.getInstant().isAfter(end)) {
            if (transition.isOverlap() && transition.getDuration().abs().compareTo(slack) > 0) {
                slack = transition.getDuration().abs();
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return slack;
    }
}
