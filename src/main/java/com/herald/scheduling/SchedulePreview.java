package com.herald.scheduling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What a cadence editor shows: the description and the next fire times in two zones (product.md §3). */
public final class SchedulePreview {

    /** The description and the fire times of one preview. */
    public record Preview(String description, List<Entry> fireTimes) {}

    /**
     * One fire time.
     *
     * @param instant when, in UTC
     * @param localTime in the schedule's zone
     * @param viewerLocalTime in the viewer's zone
     * @param dstShifted moved by a spring-forward gap, or the second occurrence of a fall-back overlap
     */
    public record Entry(
            Instant instant, OffsetDateTime localTime, OffsetDateTime viewerLocalTime, boolean dstShifted) {}

    private SchedulePreview() {}

    /** The next {@code count} (1–50) fires from now. */
    public static Preview preview(
            Cadence cadence, ZoneId zone, Instant startAt, Instant endAt, int count, ZoneId viewerZone) {
        return preview(cadence, zone, startAt, endAt, count, viewerZone, Instant.now());
    }

    /** The next {@code count} (1–50) fires strictly after {@code after}. */
    public static Preview preview(
            Cadence cadence, ZoneId zone, Instant startAt, Instant endAt, int count, ZoneId viewerZone, Instant after) {
        List<Entry> entries = FireTimes.next(cadence, zone, after, startAt, endAt, count).stream()
                .map(f -> new Entry(
                        f.instant(),
                        f.instant().atZone(zone).toOffsetDateTime(),
                        f.instant().atZone(viewerZone).toOffsetDateTime(),
                        f.dstShifted()))
                .toList();
        return new Preview(Cadences.describe(cadence, zone), entries);
    }
}
