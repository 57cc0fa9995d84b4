package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.RenderedArtifact;
import com.herald.reports.ReportFormat;
import com.herald.reports.SizeLimit;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingLimitsTest {

    private final StreamingReportRenderer renderer = new StreamingReportRenderer();

    @Test
    void byteCapStopsAtARowBoundary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(
                SampleData.numbered(100_000),
                RenderRequest.of("t", "", ReportFormat.CSV).withMaxBytes(200_000),
                out);

        assertThat(result.truncatedBySizeLimit()).isTrue();
        assertThat(result.truncatedByRowLimit()).isFalse();
        assertThat(result.rowCount()).isBetween(1_000L, 99_999L);
        // over by at most one writer buffer (64 K chars)
        assertThat(out.size()).isBetween(200_000, 200_000 + 3 * 64 * 1024);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        assertThat(text.lines().count()).isEqualTo(result.rowCount() + 1);
    }

    @Test
    void rowCapIsExactAndOnlyReportedWhenMoreRowsExist() throws Exception {
        for (ReportFormat format : new ReportFormat[] {ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.HTML}) {
            RenderResult capped = renderer.render(
                    SampleData.numbered(11),
                    RenderRequest.of("t", "", format).withMaxRows(10),
                    new ByteArrayOutputStream());
            RenderResult exact = renderer.render(
                    SampleData.numbered(10),
                    RenderRequest.of("t", "", format).withMaxRows(10),
                    new ByteArrayOutputStream());

            assertThat(capped.rowCount()).as("%s", format).isEqualTo(10);
            assertThat(capped.truncatedByRowLimit()).as("%s", format).isTrue();
            assertThat(exact.rowCount()).as("%s", format).isEqualTo(10);
            assertThat(exact.truncated()).as("%s", format).isFalse();
        }
    }

    @Test
    void pdfHasADefaultRowCapTheOthersDoNot() {
        assertThat(RenderRequest.of("t", "", ReportFormat.PDF).effectiveMaxRows())
                .isEqualTo(RenderRequest.DEFAULT_PDF_MAX_ROWS);
        assertThat(RenderRequest.of("t", "", ReportFormat.CSV).effectiveMaxRows())
                .isEqualTo(Long.MAX_VALUE);
        assertThat(RenderRequest.of("t", "", ReportFormat.PDF).withMaxRows(5).effectiveMaxRows())
                .isEqualTo(5);
        assertThat(RenderRequest.of("t", "", ReportFormat.PDF)
                        .withMaxRows(1_000_000)
                        .effectiveMaxRows())
                .isEqualTo(RenderRequest.MAX_PDF_ROWS);
        assertThat(RenderRequest.of("t", "", ReportFormat.CSV)
                        .withMaxRows(1_000_000)
                        .effectiveMaxRows())
                .isEqualTo(1_000_000);
    }

    @Test
    void artifactFileHasSizeAndSha256(@TempDir Path dir) throws Exception {
        RenderedArtifact artifact = renderer.renderToFile(
                SampleData.resultSet(), RenderRequest.of("Sales", "", ReportFormat.XLSX), dir.resolve("runs"));

        byte[] bytes = Files.readAllBytes(artifact.file());
        assertThat(artifact.file().getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(artifact.file().getFileName().toString()).endsWith(".xlsx");
        assertThat(artifact.sizeBytes())
                .isEqualTo(bytes.length)
                .isEqualTo(artifact.result().bytes());
        assertThat(artifact.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(artifact.result().rowCount()).isEqualTo(3);
        assertThat(artifact.exceedsAttachmentLimit(SizeLimit.DEFAULT)).isFalse();
        assertThat(artifact.exceedsAttachmentLimit(new SizeLimit(bytes.length - 1)))
                .isTrue();
        assertThat(artifact.exceedsAttachmentLimit(new SizeLimit(bytes.length))).isFalse();
        artifact.delete();
        assertThat(artifact.file()).doesNotExist();
    }

    @Test
    void failedRenderingLeavesNoFile(@TempDir Path dir) throws Exception {
        TestResultSet failing = new TestResultSet(TestResultSet.Col.of("a", java.sql.Types.VARCHAR)) {
            private int row;

            @Override
            protected boolean advance() {
                if (++row > 2) {
                    throw new IllegalStateException("connection lost");
                }
                return true;
            }

            @Override
            protected Object valueAt(int index) {
                return "x";
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> renderer.renderToFile(failing, RenderRequest.of("t", "", ReportFormat.CSV), dir))
                .hasMessage("connection lost");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void attachmentLimitDefaultsToTenMegabytes() {
        assertThat(SizeLimit.DEFAULT.exceedsAttachmentLimit(10L * 1024 * 1024)).isFalse();
        assertThat(SizeLimit.DEFAULT.exceedsAttachmentLimit(10L * 1024 * 1024 + 1))
                .isTrue();
    }

    @Test
    void formatsKnowTheirFileAndContentType() {
        assertThat(ReportFormat.XLSX.fileName("sales")).isEqualTo("sales.xlsx");
        assertThat(ReportFormat.CSV.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(ReportFormat.PDF.contentType()).isEqualTo("application/pdf");
        assertThat(ReportFormat.parse(" xlsx ")).contains(ReportFormat.XLSX);
        assertThat(ReportFormat.parse("Html")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.parse("docx")).isEmpty();
        assertThat(ReportFormat.parse(null)).isEmpty();
    }
}
