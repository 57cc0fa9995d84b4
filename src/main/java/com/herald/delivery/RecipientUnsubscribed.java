package com.herald.delivery;

import java.util.UUID;

/**
 * Published when an address unsubscribes from a schedule (lower-cased), so the owner of the recipient
 * lists can mark it there too. Published again when the same address confirms again, so listeners must
 * be idempotent.
 */
public record RecipientUnsubscribed(UUID scheduleId, String email) {}
