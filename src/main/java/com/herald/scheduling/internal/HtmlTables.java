package com.herald.scheduling.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The table of an HTML artifact, to show in the email body (product.md §5: "first rows for HTML format"). */
final class HtmlTables {

    /** Larger artifacts stay attachments only: a long table in an email body is unreadable and gets clipped. */
    static final long MAX_INLINE_BYTES = 256 * 1024;

    private HtmlTables() {}

    /**
     * The {@code <table>…</table>} of the file Herald's own renderer wrote (inline-styled, values escaped), or null
     * when the file is too large or has no table.
     */
    static String firstTable(Path file) {
        try {
            if (file == null || Files.size(file) > MAX_INLINE_BYTES) {
                return null;
            }
            String html = Files.readString(file, StandardCharsets.UTF_8);
            int start = html.indexOf("<table");
            int end = html.lastIndexOf("</table>");
            return start < 0 || end < start ? null : html.substring(start, end + "</table>".length());
        } catch (IOException e) {
            return null;
        }
    }
}
