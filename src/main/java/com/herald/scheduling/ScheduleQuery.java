package com.herald.scheduling;

import java.util.UUID;

/**
 * Filters of the schedules list (portal and {@code GET /schedules}); every field is optional. {@code q} is
 * "name contains", case-insensitive.
 */
public record ScheduleQuery(
        UUID teamId,
        UUID ownerId,
        ScheduleStatus status,
        String reportType,
        String externalId,
        String q,
        Sort sort,
        boolean descending) {

    /** Sort orders of the list; ties are broken by id so pages never overlap. */
    public enum Sort {
        NAME,
        NEXT_RUN,
        LAST_RUN,
        UPDATED
    }

    public static ScheduleQuery all() {
        return new ScheduleQuery(null, null, null, null, null, null, Sort.NAME, false);
    }
}
