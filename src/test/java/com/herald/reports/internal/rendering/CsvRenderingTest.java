package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRenderingTest {

    private final StreamingReportRenderer renderer = new StreamingReportRenderer();

    private List<CSVRecord> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void writesHeaderAndValuesThatParseBackExactly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result =
                renderer.render(SampleData.resultSet(), RenderRequest.of("Sales", "November", ReportFormat.CSV), out);

        assertThat(result.rowCount()).isEqualTo(3);
        assertThat(result.bytes()).isEqualTo(out.size());
        assertThat(result.truncated()).isFalse();
        List<CSVRecord> records = parse(out.toByteArray());
        assertThat(records).hasSize(4);
        assertThat(records.get(0).values())
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
        assertThat(records.get(1).values())
                .containsExactly(
                        "1",
                        "Zürich, \"Ltd\"",
                        "1234.50",
                        "0.25",
                        "true",
                        "2026-11-23",
                        "2026-11-23T08:05:00",
                        "08:30:00",
                        "18446744073709551615",
                        "line 1\nline 2");
        // nulls are empty fields; BigDecimal without exponent
        assertThat(records.get(2).values())
                .containsExactly("2", SampleData.SCRIPT, "0.000000000000000001", "", "false", "", "", "", "", "");
        assertThat(records.get(3).values())
                .containsExactly(
                        "3",
                        SampleData.FORMULA,
                        "-0.10",
                        "1000000000",
                        "",
                        "1999-01-02",
                        "2026-03-29T02:30:15.123",
                        "23:59:59",
                        "1",
                        SampleData.SQL);
    }

    @Test
    void usesCrLfAndQuotesOnlyWhereNeeded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(SampleData.numbered(2), RenderRequest.of("t", "", ReportFormat.CSV), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Row id,Label,Amount\r\n1,Row number 1,1.01\r\n2,Row number 2,2.02\r\n");
    }

    @Test
    void bomIsOptional() throws Exception {
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        renderer.render(
                SampleData.numbered(1),
                RenderRequest.of("t", "", ReportFormat.CSV).withCsvBom(true),
                with);
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        renderer.render(SampleData.numbered(1), RenderRequest.of("t", "", ReportFormat.CSV), without);

        assertThat(with.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(without.toByteArray()).startsWith('R');
        assertThat(with.size()).isEqualTo(without.size() + 3);
    }

    @Test
    void emptyResultHasTheHeaderOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(SampleData.numbered(0), RenderRequest.of("t", "", ReportFormat.CSV), out);

        assertThat(result.rowCount()).isZero();
        assertThat(result.empty()).isTrue();
        assertThat(result.columns()).containsExactly("Row id", "Label", "Amount");
        assertThat(parse(out.toByteArray())).hasSize(1);
    }
}
