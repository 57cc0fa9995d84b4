package com.herald.scheduling;

import java.time.Instant;

/** One email of a run to one address (product.md §1). */
public record Delivery(
        String email,
        DeliveryStatus status,
        int attempts,
        Instant sentAt,
        String messageId,
        String error,
        Instant updatedAt) {}
