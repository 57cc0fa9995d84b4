package com.herald.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed tokens for links that work without signing in (unsubscribe, artifact downloads). HMAC-SHA256
 * with a key every instance of a cluster shares, so a link made by one instance works on all of them.
 * The payload is readable by whoever holds the token (it is signed, not encrypted).
 */
public interface LinkSigner {

    /**
     * A URL-safe token carrying the payload, valid for {@code purpose} only, until {@code expiresAt}
     * (null: never expires).
     */
    String sign(String purpose, String payload, Instant expiresAt);

    /** The payload, when the token was signed for this purpose, is unaltered and has not expired. */
    Optional<String> verify(String purpose, String token);
}
