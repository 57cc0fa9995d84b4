package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlRenderingTest {

    private final StreamingReportRenderer renderer = new StreamingReportRenderer();

    private String render(TestResultSet rs, RenderRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(rs, request, out);
        assertThat(result.bytes()).isEqualTo(out.size());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreEscapedAndNothingCanRun() throws Exception {
        String html = render(
                SampleData.resultSet(),
                RenderRequest.of("<b>Sales</b>", "Nov & Dec", ReportFormat.HTML)
                        .withGeneratedAt(Instant.parse("2026-11-23T07:00:00Z"), ZoneId.of("Europe/Berlin")));

        assertThat(html).doesNotContain("<script").doesNotContain("<b>Sales");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).doesNotContain("<link").doesNotContain("<style").doesNotContain("class=");

        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("h1").text()).isEqualTo("<b>Sales</b>");
        assertThat(doc.select("p").first().text()).isEqualTo("Nov & Dec · Generated 2026-11-23 08:00:00 CET");
        assertThat(doc.select("thead th").eachText())
                .containsExactly(
                        "id",
                        "Customer name",
                        "amount",
                        "ratio",
                        "active",
                        "day",
                        "created_at",
                        "at_time",
                        "big",
                        "note");
        assertThat(doc.select("tbody tr")).hasSize(3);
        Element second = doc.select("tbody tr").get(1);
        assertThat(second.child(1).text()).isEqualTo(SampleData.SCRIPT);
        assertThat(second.child(5).text()).isEmpty();
        Element third = doc.select("tbody tr").get(2);
        assertThat(third.child(1).text()).isEqualTo(SampleData.FORMULA);
        assertThat(third.child(9).text()).isEqualTo(SampleData.SQL);
        // inline styles only; numbers right-aligned
        assertThat(doc.select("td").first().attr("style")).contains("text-align:right");
        assertThat(doc.select("td").get(1).attr("style")).doesNotContain("text-align:right");
        assertThat(doc.select("body").text()).contains("3 rows");
    }

    @Test
    void emptyResultSaysSo() throws Exception {
        String html = render(SampleData.numbered(0), RenderRequest.of("Empty", "", ReportFormat.HTML));

        assertThat(Jsoup.parse(html).select("tbody tr")).isEmpty();
        assertThat(html).contains("No rows for this period.");
    }

    @Test
    void rowLimitShowsTheFirstRowsAndSaysThereAreMore() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(
                SampleData.numbered(60),
                RenderRequest.of("t", "", ReportFormat.HTML).withMaxRows(50),
                out);

        assertThat(result.rowCount()).isEqualTo(50);
        assertThat(result.truncatedByRowLimit()).isTrue();
        Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        assertThat(doc.select("tbody tr")).hasSize(50);
        assertThat(doc.text()).contains("50 rows shown; the report has more.");
    }
}
