package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    @Test
    void surrogatePairsSurviveTheBufferBoundary() throws Exception {
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(bytes);
        // 32 K chars per buffer: an emoji at every possible offset around the boundary
        for (int i = 0; i < 40_000; i++) {
            String piece = i % 7 == 0 ? "😀" : i % 5 == 0 ? "é, \"x\"" : "a";
            writer.write(piece);
            expected.append(piece);
        }
        writer.append("tail", 1, 3).append('!');
        expected.append("ai!");
        writer.flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
