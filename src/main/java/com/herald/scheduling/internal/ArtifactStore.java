package com.herald.scheduling.internal;

import com.herald.reports.ReportFormat;
import com.herald.scheduling.RunArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps rendered reports in the database, in 1 MB chunks, so any instance of a cluster can attach or serve
 * them and a run recovered on another instance sends the very same file.
 */
@Component
class ArtifactStore {

    static final int CHUNK = 1024 * 1024;

    private final RunRepository runs;

    ArtifactStore(RunRepository runs) {
        this.runs = runs;
    }

    /** Stores the file under the run; call inside the transaction that records the run's rendering. */
    void store(UUID runId, RunArtifact artifact, Path file, Instant now) {
        int seq = 0;
        runs.addArtifact(runId, artifact, chunksOf(artifact.sizeBytes()), now);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer;
            while ((buffer = in.readNBytes(CHUNK)).length > 0) {
                runs.addChunk(runId, artifact.format(), seq++, buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The artifact's bytes, read chunk by chunk as the caller reads. */
    InputStream open(UUID runId, ReportFormat format) {
        return new InputStream() {
            private int seq;
            private byte[] current = new byte[0];
            private int position;
            private boolean done;

            private boolean fill() {
                while (!done && position >= current.length) {
                    var next = runs.chunk(runId, format, seq++);
                    if (next.isEmpty()) {
                        done = true;
                    } else {
                        current = next.get();
                        position = 0;
                    }
                }
                return !done || position < current.length;
            }

            @Override
            public int read() {
                if (!fill()) {
                    return -1;
                }
                return current[position++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Writes the stored artifact to a file in {@code directory} (to attach it). */
    Path materialize(UUID runId, RunArtifact artifact, Path directory) {
        Path file = directory.resolve(artifact.format().extension() + "-" + artifact.fileName());
        try (InputStream in = open(runId, artifact.format())) {
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int chunksOf(long size) {
        return (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
    }
}
