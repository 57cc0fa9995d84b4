package com.herald.scheduling;

import java.util.Locale;

/** One email of one run to one address. A {@code sent} delivery is never sent again. */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    SUPPRESSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
