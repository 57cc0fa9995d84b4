package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.ReportFormat;
import com.herald.reports.ReportRenderingException;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRenderingTest {

    private final StreamingReportRenderer renderer = new StreamingReportRenderer();

    private record Pdf(RenderResult result, int pages, String[] pageTexts) {}

    private Pdf render(TestResultSet rs, RenderRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(rs, request, out);
        assertThat(result.bytes()).isEqualTo(out.size());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String[] texts = new String[doc.getNumberOfPages()];
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= texts.length; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts[p - 1] = stripper.getText(doc);
            }
            return new Pdf(result, texts.length, texts);
        }
    }

    @Test
    void longTableSpansPagesWithTheHeaderOnEveryPage() throws Exception {
        Pdf pdf =
                render(SampleData.numbered(150), RenderRequest.of("Monthly sales", "November 2026", ReportFormat.PDF));

        assertThat(pdf.result().rowCount()).isEqualTo(150);
        assertThat(pdf.pages()).isGreaterThan(1);
        assertThat(pdf.pageTexts()[0])
                .contains("Monthly sales")
                .contains("November 2026")
                .contains("Generated");
        for (int p = 0; p < pdf.pages(); p++) {
            assertThat(pdf.pageTexts()[p])
                    .as("page %d", p + 1)
                    .contains("Row id Label Amount")
                    .contains("Page " + (p + 1) + " of " + pdf.pages());
        }
        String all = String.join("\n", pdf.pageTexts());
        assertThat(all)
                .contains("Row number 1 ")
                .contains("Row number 150 151.50")
                .contains("150 rows");
        assertThat(pdf.pageTexts()[1]).doesNotContain("Monthly sales");
    }

    @Test
    void rowsBeyondOneChunkAreAllRendered() throws Exception {
        int n = PdfFormatWriter.CHUNK_ROWS + 10;
        Pdf pdf = render(SampleData.numbered(n), RenderRequest.of("Big", "", ReportFormat.PDF));

        String all = String.join("\n", pdf.pageTexts());
        assertThat(pdf.result().rowCount()).isEqualTo(n);
        assertThat(all)
                .contains("Row number " + PdfFormatWriter.CHUNK_ROWS + " ")
                .contains("Row number " + n + " ");
        assertThat(all).contains("1,010 rows");
        assertThat(pdf.pageTexts()[pdf.pages() - 1]).contains("Row id Label Amount");
    }

    @Test
    void rowCapStopsAndSaysSo() throws Exception {
        Pdf pdf = render(
                SampleData.numbered(30),
                RenderRequest.of("Capped", "", ReportFormat.PDF).withMaxRows(20));

        assertThat(pdf.result().rowCount()).isEqualTo(20);
        assertThat(pdf.result().truncatedByRowLimit()).isTrue();
        String all = String.join("\n", pdf.pageTexts());
        assertThat(all)
                .contains("Row number 20 ")
                .doesNotContain("Row number 21 ")
                .contains("20 rows shown");
    }

    @Test
    void hostileValuesAreText() throws Exception {
        Pdf pdf = render(SampleData.resultSet(), RenderRequest.of("Sales", "", ReportFormat.PDF));

        String all = String.join("\n", pdf.pageTexts());
        assertThat(all).contains(SampleData.SCRIPT).contains("=HYPERLINK(").contains(SampleData.SQL);
        assertThat(all)
                .contains("Zürich, \"Ltd\"")
                .contains("2026-11-23T08:05:00")
                .contains("1234.50");
    }

    @Test
    void reportTypeLayoutGetsRowsAndVariables() throws Exception {
        String layout = """
                <html xmlns:th="http://www.thymeleaf.org"><body>
                <h2 th:if="${firstChunk}" th:text="'Custom: ' + ${title} + ' for ' + ${region}">x</h2>
                <table><tr th:each="row : ${rows}"><td th:each="cell : ${row}" th:text="${cell}">v</td></tr></table>
                <p th:if="${lastChunk}" th:text="'Total ' + ${rowCount}">t</p>
                </body></html>""";
        Pdf pdf = render(
                SampleData.numbered(3),
                RenderRequest.of("Sales", "", ReportFormat.PDF).withLayout(layout, Map.of("region", "<North>")));

        String all = String.join("\n", pdf.pageTexts());
        assertThat(all)
                .contains("Custom: Sales for <North>")
                .contains("Row number 3")
                .contains("Total 3");
    }

    @Test
    void layoutsCannotLoadFilesOrUrls() throws Exception {
        String layout = """
                <html><head><link rel="stylesheet" href="http://127.0.0.1:9/evil.css"/></head><body>
                <img src="file:///etc/passwd"/><img src="http://127.0.0.1:9/x.png"/>
                <p>still rendered</p></body></html>""";
        Pdf pdf = render(
                SampleData.numbered(1),
                RenderRequest.of("x", "", ReportFormat.PDF).withLayout(layout, Map.of()));

        assertThat(pdf.pageTexts()[0]).contains("still rendered").doesNotContain("root:");
    }

    @Test
    void brokenLayoutIsARenderFailure() {
        assertThatThrownBy(() -> render(
                        SampleData.numbered(1),
                        RenderRequest.of("x", "", ReportFormat.PDF).withLayout("<p th:text=\"${", Map.of())))
                .isInstanceOf(ReportRenderingException.class);
    }

    @Test
    void emptyResultSaysSo() throws Exception {
        Pdf pdf = render(SampleData.numbered(0), RenderRequest.of("Empty", "", ReportFormat.PDF));

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.pageTexts()[0]).contains("No rows for this period.");
    }
}
