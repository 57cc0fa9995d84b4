package com.herald.delivery;

import java.net.URI;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Addresses that asked to stop receiving a schedule's emails (the one-click link in every report
 * email). Addresses are compared case-insensitively.
 */
public interface Unsubscribes {

    /** The signed token of the unsubscribe link for this schedule and address; it does not expire. */
    String token(UUID scheduleId, String email);

    /** The absolute unsubscribe URL ({@code <public url>/unsubscribe/<token>}). */
    URI url(UUID scheduleId, String email);

    boolean isUnsubscribed(UUID scheduleId, String email);

    /** Those of the addresses that unsubscribed from the schedule, lower-cased. */
    Set<String> unsubscribedAmong(UUID scheduleId, Collection<String> emails);
}
