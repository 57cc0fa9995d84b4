package com.herald.delivery;

/**
 * What the mail server said when it took a message: the Message-ID sent and the server's last reply
 * (e.g. {@code 250 2.0.0 Ok: queued as 4F2A}), or "stored in outbox" without SMTP.
 */
public record SendReceipt(String messageId, String serverResponse) {}
