package com.herald.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One fire of a cadence.
 *
 * @param instant when it fires
 * @param localTime the same instant in the schedule's zone
 * @param scheduledLocalTime the wall-clock time the cadence asked for; differs from {@code localTime} when a
 *     spring-forward gap moved it (02:30 asked, 03:00 fired)
 * @param dstShifted moved by a spring-forward gap, or the second occurrence of a fall-back overlap
 */
public record FireTime(Instant instant, ZonedDateTime localTime, LocalDateTime scheduledLocalTime, boolean dstShifted) {

    public static FireTime of(Instant instant, ZoneId zone, LocalDateTime scheduledLocalTime, boolean dstShifted) {
        return new FireTime(instant, instant.atZone(zone), scheduledLocalTime, dstShifted);
    }
}
