package com.herald.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The renderer on result sets from MariaDB Connector/J: the JDBC types a real report query returns. */
@IntegrationTest
class ReportRenderingIT {

    private static final String HOSTILE = "'); DROP TABLE users; -- <script>alert(1)</script>";

    @Autowired
    ReportRenderer renderer;

    @Autowired
    JdbcClient jdbc;

    private String table;

    @BeforeEach
    void createTable() {
        table = "render_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        jdbc.sql("""
                        CREATE TABLE %s (
                            id BIGINT NOT NULL PRIMARY KEY,
                            name VARCHAR(200),
                            amount DECIMAL(12,2),
                            ratio DOUBLE,
                            paid TINYINT(1),
                            day DATE,
                            created_at DATETIME(3),
                            at_time TIME,
                            big BIGINT UNSIGNED
                        )""".formatted(table)).update();
        jdbc.sql("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        1,
                        "Zürich, \"Ltd\"",
                        "1234.50",
                        0.25,
                        true,
                        "2026-11-23",
                        "2026-11-23 08:05:09.250",
                        "08:30:00",
                        "18446744073709551615")
                .update();
        jdbc.sql("INSERT INTO " + table + " (id, name) VALUES (2, ?)")
                .param(HOSTILE)
                .update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("DROP TABLE IF EXISTS " + table).update();
    }

    private byte[] render(ReportFormat format, RenderResult[] result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result[0] = jdbc.sql("SELECT id, name AS customer, amount, ratio, paid, day, created_at, at_time, big FROM "
                        + table + " ORDER BY id")
                .query((ResultSetExtractor<RenderResult>) rs -> {
                    try {
                        return renderer.render(rs, RenderRequest.of("IT", "today", format), out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (SQLException e) {
                        throw e;
                    }
                });
        return out.toByteArray();
    }

    @Test
    void csvFromMariaDb() throws Exception {
        RenderResult[] result = new RenderResult[1];
        byte[] csv = render(ReportFormat.CSV, result);

        assertThat(result[0].rowCount()).isEqualTo(2);
        List<CSVRecord> records;
        try (CSVParser parser =
                CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).values())
                .containsExactly("id", "customer", "amount", "ratio", "paid", "day", "created_at", "at_time", "big");
        assertThat(records.get(1).values())
                .containsExactly(
                        "1",
                        "Zürich, \"Ltd\"",
                        "1234.50",
                        "0.25",
                        "true",
                        "2026-11-23",
                        "2026-11-23T08:05:09.250",
                        "08:30:00",
                        "18446744073709551615");
        assertThat(records.get(2).values()).containsExactly("2", HOSTILE, "", "", "", "", "", "", "");
    }

    @Test
    void xlsxFromMariaDbHasTypedCells() throws Exception {
        RenderResult[] result = new RenderResult[1];
        byte[] xlsx = render(ReportFormat.XLSX, result);

        List<Row> rows;
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            rows = wb.getFirstSheet().read();
        }
        Row first = rows.get(1);
        assertThat(first.getCell(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("1234.50");
        assertThat(first.getCell(4).getType()).isEqualTo(CellType.BOOLEAN);
        assertThat(first.getCell(5).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 23, 0, 0));
        assertThat(first.getCell(6).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 23, 8, 5, 9, 250_000_000));
        assertThat(first.getCell(8).asString()).isEqualTo("18446744073709551615");
        Row second = rows.get(2);
        assertThat(second.getCell(1).getType()).isEqualTo(CellType.STRING);
        assertThat(second.getCell(1).asString()).isEqualTo(HOSTILE);
    }

    @Test
    void htmlFromMariaDbEscapesValues() {
        RenderResult[] result = new RenderResult[1];
        String html = new String(render(ReportFormat.HTML, result), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(result[0].columns()).first().isEqualTo("id");
    }
}
