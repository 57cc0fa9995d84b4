package com.herald.recipients;

import java.util.Locale;

/** Per-address status in a list (product.md §1): only active addresses receive reports. */
public enum RecipientStatus {
    ACTIVE,
    UNSUBSCRIBED,
    BOUNCING;

    /** The lower-case name the API uses. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
