package com.herald.delivery;

import java.net.URI;
import java.util.Locale;

/** Emails to a schedule's owner about the schedule itself (not reports). */
public interface ScheduleNotices {

    /**
     * Tells the owner that the schedule paused itself after {@code failures} failed runs in a row, with
     * the last error and a link to the schedule, where it can be resumed.
     *
     * @throws DeliveryFailure when the message could not be sent
     */
    void autoPaused(
            String ownerEmail,
            String ownerName,
            Locale locale,
            String scheduleName,
            int failures,
            String lastError,
            URI scheduleUrl);
}
