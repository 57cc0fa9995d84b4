package com.herald.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Renders a JDBC result set to CSV, XLSX, PDF or HTML in one streaming pass: rows are read, written and forgotten,
 * so memory does not grow with the row count (see docs/rendering.md). A Spring bean of the reports module.
 */
public interface ReportRenderer {

    /**
     * Reads {@code rs} from its current position to the end (or to a limit of {@code request}) and writes the report to
     * {@code out}. Neither the result set nor the stream is closed; {@code out} is flushed.
     *
     * @throws SQLException reading the result set failed (a {@code query} failure)
     * @throws IOException writing failed
     * @throws ReportRenderingException the layout or a renderer failed (a {@code render} failure)
     */
    RenderResult render(ResultSet rs, RenderRequest request, OutputStream out) throws SQLException, IOException;

    /**
     * Renders into a new file in {@code directory} (created if missing) and reports its size and SHA-256. The file is
     * deleted again if rendering fails.
     */
    default RenderedArtifact renderToFile(ResultSet rs, RenderRequest request, Path directory)
            throws SQLException, IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(
                directory, "report-", "." + request.format().extension());
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean done = false;
        try {
            RenderResult result;
            try (OutputStream out =
                    new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha256), 64 * 1024)) {
                result = render(rs, request, out);
            }
            RenderedArtifact artifact = new RenderedArtifact(
                    file, request.format(), Files.size(file), HexFormat.of().formatHex(sha256.digest()), result);
            done = true;
            return artifact;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }
}
