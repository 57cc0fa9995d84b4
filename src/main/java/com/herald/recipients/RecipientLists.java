package com.herald.recipients;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access for other modules (scheduling, delivery), without user permissions: callers have already
 * decided the list may be used. Addresses are compared case-insensitively.
 */
public interface RecipientLists {

    Optional<RecipientList> find(UUID listId);

    /** The list's team, or empty when there is no such list. */
    Optional<UUID> teamOf(UUID listId);

    /** All members with their status, in list order; empty for an unknown list. */
    List<Recipient> members(UUID listId);

    /** Members of several lists at once (list id → members in list order); unknown ids are absent. */
    Map<UUID, List<Recipient>> membersOf(Collection<UUID> listIds);

    /** Only the members a report goes to (status active). */
    default List<Recipient> activeMembers(UUID listId) {
        return members(listId).stream().filter(Recipient::active).toList();
    }

    /** Sets the status of the address in that list; false when the address is not in the list. */
    boolean setStatus(UUID listId, String email, RecipientStatus status);

    /** The one-click unsubscribe: the address stops receiving from that list. */
    default boolean markUnsubscribed(UUID listId, String email) {
        return setStatus(listId, email, RecipientStatus.UNSUBSCRIBED);
    }
}
