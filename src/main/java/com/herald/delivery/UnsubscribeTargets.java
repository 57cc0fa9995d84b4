package com.herald.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by the module that owns schedules: names what an unsubscribe link stops, for the
 * unsubscribe page ("Stop receiving <description> at <address>?"). Without an implementation, or when
 * it answers empty, the page uses a generic text.
 */
public interface UnsubscribeTargets {

    /** E.g. {@code "Weekly sales" (report Sales by region)}; empty for an unknown schedule. */
    Optional<String> describe(UUID scheduleId);
}
