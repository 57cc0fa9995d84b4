package com.herald.reports.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderResult;
import com.herald.reports.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class XlsxRenderingTest {

    private final StreamingReportRenderer renderer = new StreamingReportRenderer();

    private byte[] render(TestResultSet rs, String title) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = renderer.render(rs, RenderRequest.of(title, "", ReportFormat.XLSX), out);
        assertThat(result.bytes()).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void cellsAreTyped() throws Exception {
        List<Row> rows = rows(render(SampleData.resultSet(), "Sales"));

        assertThat(rows).hasSize(4);
        Row header = rows.get(0);
        assertThat(header.getCellText(0)).isEqualTo("id");
        assertThat(header.getCellText(1)).isEqualTo("Customer name");
        assertThat(header.getCell(9).getType()).isEqualTo(CellType.STRING);

        Row first = rows.get(1);
        assertThat(first.getCell(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(0).asNumber()).isEqualByComparingTo("1");
        assertThat(first.getCell(1).getType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(1).asString()).isEqualTo("Zürich, \"Ltd\"");
        assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("1234.5");
        assertThat(first.getCell(3).asNumber()).isEqualByComparingTo("0.25");
        assertThat(first.getCell(4).getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(first.getCell(4).asBoolean()).isTrue();
        Cell day = first.getCell(5);
        assertThat(day.getType()).isEqualTo(CellType.NUMBER);
        assertThat(day.getDataFormatString()).isEqualTo(XlsxFormatWriter.DATE_FORMAT);
        assertThat(day.asDate()).isEqualTo(LocalDateTime.of(2026, 11, 23, 0, 0));
        Cell created = first.getCell(6);
        assertThat(created.getDataFormatString()).isEqualTo(XlsxFormatWriter.DATETIME_FORMAT);
        assertThat(created.asDate()).isEqualTo(LocalDateTime.of(2026, 11, 23, 8, 5, 0));
        assertThat(first.getCell(7).getDataFormatString()).isEqualTo(XlsxFormatWriter.TIME_FORMAT);
        assertThat(first.getCell(7).asNumber().doubleValue())
                .isCloseTo(8.5 / 24, org.assertj.core.data.Offset.offset(1e-9));
        // 20 digits do not fit Excel's doubles: kept exact as text
        assertThat(first.getCell(8).getType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(8).asString()).isEqualTo(SampleData.UNSIGNED_MAX.toPlainString());
        assertThat(first.getCell(9).asString()).isEqualTo("line 1\nline 2");

        // nulls are empty cells
        Row second = rows.get(2);
        assertThat(second.getCell(1).asString()).isEqualTo(SampleData.SCRIPT);
        assertThat(second.getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("1E-18"));
        for (int c = 5; c <= 9; c++) {
            assertThat(second.getOptionalCell(c).map(Cell::getType).orElse(CellType.EMPTY))
                    .as("column %d", c)
                    .isEqualTo(CellType.EMPTY);
        }
    }

    @Test
    void formulaLookingTextIsAStringCellNotAFormula() throws Exception {
        Row third = rows(render(SampleData.resultSet(), "Sales")).get(3);

        assertThat(third.getCell(1).getType()).isEqualTo(CellType.STRING);
        assertThat(third.getCell(1).getFormula()).isNull();
        assertThat(third.getCell(1).asString()).isEqualTo(SampleData.FORMULA);
        assertThat(third.getCell(9).asString()).isEqualTo(SampleData.SQL);
    }

    @Test
    void headerIsBoldFilledAndFrozenAndColumnsHaveWidths() throws Exception {
        byte[] xlsx = render(SampleData.resultSet(), "Sales: [Q4]");
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        String styles = entry(xlsx, "xl/styles.xml");
        String workbook = entry(xlsx, "xl/workbook.xml");

        assertThat(sheet).containsPattern("<pane[^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
        assertThat(sheet).contains("<cols>").containsPattern("<col [^>]*width=");
        assertThat(styles).contains("<b/>").contains(XlsxFormatWriter.HEADER_FILL);
        // no shared strings: text is written inline
        assertThat(sheet).contains("t=\"inlineStr\"");
        assertThat(workbook).contains("name=\"Sales   Q4\"");
    }

    @Test
    void rowsBeyondASheetContinueInANewSheetWithTheHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountingOutputStream counting = new CountingOutputStream(out);
        RenderRequest request = RenderRequest.of("Orders", "", ReportFormat.XLSX);
        long written = new XlsxFormatWriter(11)
                .write(new RowCursor(SampleData.numbered(25)), request, counting, new Limits(request, counting));

        assertThat(written).isEqualTo(25);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets)
                    .extracting(org.dhatim.fastexcel.reader.Sheet::getName)
                    .containsExactly("Orders", "Orders (2)", "Orders (3)");
            List<Row> third = sheets.get(2).read();
            assertThat(third.get(0).getCellText(0)).isEqualTo("Row id");
            assertThat(third).hasSize(6);
            assertThat(third.get(5).getCellText(1)).isEqualTo("Row number 25");
            assertThat(sheets.get(1).read().get(1).getCellText(1)).isEqualTo("Row number 11");
        }
    }

    @Test
    void sheetNamesAreValid() {
        assertThat(XlsxFormatWriter.sheetName("")).isEqualTo("Report");
        assertThat(XlsxFormatWriter.sheetName("a/b\\c?d*e[f]g:h")).isEqualTo("a b c d e f g h");
        assertThat(XlsxFormatWriter.sheetName("x".repeat(40))).hasSize(25);
    }

    private static String entry(byte[] zip, String name) throws Exception {
        // fastexcel streams its entries (sizes after the data): read the central directory from a file
        Path file = Files.createTempFile("render-test", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile zipFile = new ZipFile(file.toFile())) {
                ZipEntry entry = zipFile.getEntry(name);
                assertThat(entry).as(name).isNotNull();
                return new String(zipFile.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
