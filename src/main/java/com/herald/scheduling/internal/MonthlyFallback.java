package com.herald.scheduling.internal;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Monthly on day 29, 30 or 31 with the fallback of product.md §3: the plain Quartz day in the months that
 * have it, the last day ({@code L}) in the months that are shorter. Two cron sequences merged.
 */
final class MonthlyFallback implements WallClock {

    private final int day;
    private final WallClock exact;
    private final WallClock last;

    MonthlyFallback(int day, int hour, int minute) {
        this.day = day;
        this.exact = CronSupport.wallClock("0 " + minute + " " + hour + " " + day + " * ?");
        this.last = CronSupport.wallClock("0 " + minute + " " + hour + " L * ?");
    }

    @Override
    public Optional<LocalDateTime> next(LocalDateTime after) {
        Optional<LocalDateTime> shortMonth = last.next(after);
        while (shortMonth.isPresent() && !isShort(shortMonth.get())) {
            shortMonth = last.next(shortMonth.get());
        }
        return earliest(exact.next(after), shortMonth);
    }

    @Override
    public Optional<LocalDateTime> previous(LocalDateTime before) {
        Optional<LocalDateTime> shortMonth = last.previous(before);
        while (shortMonth.isPresent() && !isShort(shortMonth.get())) {
            shortMonth = last.previous(shortMonth.get());
        }
        Optional<LocalDateTime> exactPrevious = exact.previous(before);
        if (exactPrevious.isEmpty()) {
            return shortMonth;
        }
        if (shortMonth.isEmpty()) {
            return exactPrevious;
        }
        return exactPrevious.get().isAfter(shortMonth.get()) ? exactPrevious : shortMonth;
    }

    @Override
    public boolean everyHour() {
        return false;
    }

    private boolean isShort(LocalDateTime time) {
        return time.toLocalDate().lengthOfMonth() < day;
    }

    private static Optional<LocalDateTime> earliest(Optional<LocalDateTime> a, Optional<LocalDateTime> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
