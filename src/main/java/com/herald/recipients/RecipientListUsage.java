package com.herald.recipients;

import java.util.List;
import java.util.UUID;

/**
 * Implemented by modules that refer to recipient lists (schedules): a list some schedule uses cannot be
 * deleted. Every bean of this type is asked before a delete.
 */
public interface RecipientListUsage {

    /** Names of the schedules that send to the list; empty when none. */
    List<String> scheduleNamesUsing(UUID listId);
}
