package com.herald.delivery;

/**
 * A message could not be handed to the mail server. {@link #category()} is the delivery failure class of
 * product.md §5: {@value #SMTP} (the server or the connection: refused, timed out, a 4xx reply — usually
 * worth retrying) or {@value #RECIPIENT} (the address: invalid, or refused with a 5xx reply to RCPT —
 * retrying will not help).
 */
public class DeliveryFailure extends RuntimeException {

    public static final String SMTP = "smtp";
    public static final String RECIPIENT = "recipient";

    private final String category;
    private final boolean retryable;

    public DeliveryFailure(String category, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.retryable = retryable;
    }

    public static DeliveryFailure smtp(String message, Throwable cause) {
        return new DeliveryFailure(SMTP, true, message, cause);
    }

    public static DeliveryFailure recipient(String message, Throwable cause) {
        return new DeliveryFailure(RECIPIENT, false, message, cause);
    }

    /** {@value #SMTP} or {@value #RECIPIENT}. */
    public String category() {
        return category;
    }

    /** Whether sending the same message again later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
