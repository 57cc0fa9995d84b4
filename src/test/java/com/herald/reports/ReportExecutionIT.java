package com.herald.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.herald.support.IntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole path of a scheduled run: report type, bound parameters, read-only query, streamed artifact. */
@IntegrationTest
@Tag("embedded-db")
class ReportExecutionIT {

    @Autowired
    ReportExecution execution;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void demoIsReady() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                        "SELECT status FROM data_sources WHERE builtin = 'demo'")
                .query(String.class)
                .optional()
                .map("ready"::equalsIgnoreCase)
                .orElse(false));
    }

    private static ReportRun run(Map<String, String> parameters, ReportFormat format) {
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        return new ReportRun(
                "daily_sales_by_region",
                parameters,
                format,
                at,
                at.minusDays(1).toInstant(),
                at.toInstant(),
                "Daily sales by region",
                "yesterday");
    }

    @Test
    void aDemoReportRendersToACsvFileWithItsChecksum() throws Exception {
        RenderedArtifact artifact = execution.render(run(Map.of("day", "today-30d"), ReportFormat.CSV), dir);
        try {
            String csv = Files.readString(artifact.file(), StandardCharsets.UTF_8);
            List<CSVRecord> records = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
            assertThat(records).isNotEmpty();
            assertThat(records.getFirst().toMap()).containsKeys("region", "orders", "units", "revenue");
            assertThat(artifact.result().rowCount()).isEqualTo(records.size());
            assertThat(artifact.sizeBytes()).isEqualTo(Files.size(artifact.file()));
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(artifact.file())));
            assertThat(artifact.sha256()).isEqualTo(sha);
        } finally {
            artifact.delete();
        }
    }

    @Test
    void aHostileValueOfAnEnumParameterIsRefusedBeforeAnyQueryRuns() {
        assertThatThrownBy(() -> execution.render(
                        run(Map.of("day", "today-30d", "region", "EMEA' OR '1'='1"), ReportFormat.CSV), dir))
                .isInstanceOf(ReportRunException.class)
                .hasMessageContaining("EMEA, NA, LATAM, APAC");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBadParameterIsAQueryFailureWithItsCategory() {
        assertThatThrownBy(() -> execution.render(run(Map.of("day", "not a date"), ReportFormat.XLSX), dir))
                .isInstanceOf(ReportRunException.class)
                .extracting(e -> ((ReportRunException) e).category())
                .isEqualTo("query");
    }
}
