package com.herald.recipients;

/** One member of a recipient list: the address as typed, an optional display name, and its status. */
public record Recipient(String email, String name, RecipientStatus status) {

    public boolean active() {
        return status == RecipientStatus.ACTIVE;
    }
}
