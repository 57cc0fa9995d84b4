package com.herald.reports;

/**
 * The attachment size rule of product.md §4: an artifact larger than the limit (default 10 MB) is not attached to
 * the email; the email carries a download link instead.
 *
 * @param maxAttachmentBytes the largest artifact that is still attached
 */
public record SizeLimit(long maxAttachmentBytes) {

    /** 10 MB (10 × 1024 × 1024 bytes). */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    public static final SizeLimit DEFAULT = new SizeLimit(DEFAULT_MAX_ATTACHMENT_BYTES);

    public SizeLimit {
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be >= 0");
        }
    }

    /** True when an artifact of {@code sizeBytes} must be sent as a link rather than attached. */
    public boolean exceedsAttachmentLimit(long sizeBytes) {
        return sizeBytes > maxAttachmentBytes;
    }
}
