package com.herald.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report rendered to a file.
 *
 * @param file the file (in the directory the caller chose); the caller moves or deletes it
 * @param format its format
 * @param sizeBytes its size
 * @param sha256 SHA-256 of its content, lower-case hex
 * @param result what the rendering produced (rows, truncation)
 */
public record RenderedArtifact(Path file, ReportFormat format, long sizeBytes, String sha256, RenderResult result) {

    /** True when this artifact is too large to attach: the email should carry a download link instead. */
    public boolean exceedsAttachmentLimit(SizeLimit limit) {
        return limit.exceedsAttachmentLimit(sizeBytes);
    }

    /** Deletes the file if it still exists. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
