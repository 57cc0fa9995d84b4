package com.herald.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.herald.support.IntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data source and the guarantees of every report query: bound parameters, read-only, limits. */
// the demo data source exists only in embedded mode, so these run only on the embedded MariaDB
@Tag("embedded-db")
@IntegrationTest
class QueryRunnerIT {

    @Autowired
    DataSourceRepository sources;

    @Autowired
    QueryRunner runner;

    @Autowired
    SecretCipher cipher;

    @Autowired
    BuiltinReports builtin;

    @Autowired
    ReportTypeRepository reportTypes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    DataSourceRecord demo;

    @BeforeEach
    void demoIsReady() {
        demo = awaitDemo(sources);
    }

    static DataSourceRecord awaitDemo(DataSourceRepository sources) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow(), DataSourceRecord::ready);
    }

    @Test
    void theDemoDatasetHasTheConfiguredSizeAndTheDemoReportTypes() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM herald_demo.order_lines")
                        .query(Long.class)
                        .single())
                .isEqualTo(20_000L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM herald_demo.regions")
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
        assertThat(jdbc.sql("SELECT MAX(order_date) FROM herald_demo.orders")
                        .query(LocalDateTime.class)
                        .single())
                .isAfter(LocalDateTime.now().minusDays(3));
        assertThat(demo.passwordEncrypted()).startsWith("v1:");
        assertThat(demo.username()).isEqualTo(BuiltinReports.DEMO_USER);
        for (String key : new String[] {
            "daily_sales_by_region",
            "weekly_top_products",
            "monthly_revenue_by_segment",
            "orders_pending_shipment",
            "delivery_audit"
        }) {
            assertThat(reportTypes.findByKey(key)).as(key).isPresent();
        }
    }

    @Test
    void preparingTheDemoAgainChangesNothing() {
        LocalDateTime generated = jdbc.sql("SELECT generated_at FROM herald_demo.demo_info")
                .query(LocalDateTime.class)
                .single();
        long types =
                jdbc.sql("SELECT COUNT(*) FROM report_types").query(Long.class).single();
        builtin.prepareDemo(demo.id(), demo.jdbcUrl(), 20_000);
        assertThat(jdbc.sql("SELECT generated_at FROM herald_demo.demo_info")
                        .query(LocalDateTime.class)
                        .single())
                .isEqualTo(generated);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_types")
                        .query(Long.class)
                        .single())
                .isEqualTo(types);
        assertThat(sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().ready())
                .isTrue();
    }

    @Test
    void theSameSeedGivesTheSameRows() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-03-18");
        String[] checksums = new String[2];
        for (int i = 0; i < 2; i++) {
            try (Connection connection = dataSource.getConnection();
                    Statement st = connection.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS herald_demo_check");
                st.execute("CREATE DATABASE herald_demo_check");
                DemoDataGenerator.generate(connection, "herald_demo_check", 3_000, day);
                StringBuilder sums = new StringBuilder();
                for (String table : new String[] {"regions", "customers", "products", "orders", "order_lines"}) {
                    try (var rs = st.executeQuery("CHECKSUM TABLE herald_demo_check." + table)) {
                        rs.next();
                        sums.append(rs.getLong(2)).append(' ');
                    }
                }
                checksums[i] = sums.toString();
                st.execute("DROP DATABASE herald_demo_check");
            }
        }
        assertThat(checksums[0]).isEqualTo(checksums[1]);
    }

    @Test
    void theDemoAccountMayOnlySelect() throws Exception {
        try (Connection connection =
                        QueryRunner.connect(demo.jdbcUrl(), demo.username(), cipher.decrypt(demo.passwordEncrypted()));
                Statement st = connection.createStatement()) {
            assertThat(st.executeQuery("SELECT COUNT(*) FROM regions").next()).isTrue();
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM regions")).hasMessageContaining("command denied");
            assertThatThrownBy(() -> st.execute("DROP TABLE regions")).hasMessageContaining("command denied");
        }
    }

    @Test
    void anInjectionAttemptInAValueIsDataNotSql() {
        String sql = "SELECT code FROM regions WHERE code = :code";
        assertThat(runner.run(demo, sql, Map.of("code", "EMEA"), (rs, i) -> true))
                .isEqualTo(1);
        assertThat(runner.run(demo, sql, Map.of("code", "x' OR '1'='1"), (rs, i) -> true))
                .isZero();
        assertThat(runner.run(demo, sql, Map.of("code", "EMEA'; DROP TABLE regions; --"), (rs, i) -> true))
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM herald_demo.regions")
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
    }

    @Test
    void theStatementTimeoutCancelsASlowQueryWithAClearMessage() {
        DataSourceRecord oneSecond = with(demo, 100, 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.run(oneSecond, "SELECT SLEEP(5)", Map.of(), (rs, i) -> true))
                .isInstanceOfSatisfying(QueryFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo("timeout");
                    assertThat(e.getMessage()).contains("statement timeout of 1 s");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void maxRowsStopsTheCount() {
        PreviewResult result = runner.preview(with(demo, 10, 30), "SELECT id FROM order_lines", Map.of(), 50);
        assertThat(result.rowCount()).isEqualTo(10);
        assertThat(result.rows()).hasSize(10);
        assertThat(result.capped()).isTrue();
        PreviewResult all = runner.preview(demo, "SELECT id FROM order_lines ORDER BY id", Map.of(), 50);
        assertThat(all.rowCount()).isEqualTo(20_000);
        assertThat(all.rows()).hasSize(50);
        assertThat(all.capped()).isFalse();
        assertThat(all.columns()).containsExactly("id");
    }

    @Test
    void heraldsOwnDatabaseIsReadInAReadOnlyTransaction() {
        DataSourceRecord herald = sources.findBuiltin(DataSourceRecord.HERALD).orElseThrow();
        assertThatThrownBy(() -> runner.run(
                        herald,
                        "UPDATE data_sources SET max_rows = 1 WHERE builtin = 'herald'",
                        Map.of(),
                        (rs, i) -> true))
                .isInstanceOf(QueryFailure.class)
                .hasMessageContaining("READ ONLY");
        assertThat(sources.findBuiltin(DataSourceRecord.HERALD).orElseThrow().maxRows())
                .isEqualTo(100_000);
    }

    @Test
    void aSqlErrorIsTheDriversMessageOnOneLine() {
        assertThatThrownBy(() -> runner.run(demo, "SELECT nope FROM regions", Map.of(), (rs, i) -> true))
                .isInstanceOfSatisfying(QueryFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo("query");
                    assertThat(e.getMessage()).contains("Unknown column").doesNotContain("\n", "at org.");
                });
    }

    @Test
    void consecutiveQueriesOnADataSourceReuseOneConnectionButNotAfterAFailure() {
        long first = connectionId(demo);
        assertThat(connectionId(demo)).as("the second query's connection").isEqualTo(first);

        assertThatThrownBy(() -> runner.run(demo, "SELECT nope FROM regions", Map.of(), (rs, i) -> true))
                .isInstanceOf(QueryFailure.class);
        long afterFailure = connectionId(demo);
        assertThat(afterFailure).as("a failed query's connection is closed").isNotEqualTo(first);

        // reused connections stay read-only
        assertThatThrownBy(() -> runner.run(demo, "DELETE FROM regions", Map.of(), (rs, i) -> true))
                .isInstanceOf(QueryFailure.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM herald_demo.regions")
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
    }

    private long connectionId(DataSourceRecord source) {
        long[] id = new long[1];
        runner.run(source, "SELECT CONNECTION_ID() AS id", Map.of(), (rs, i) -> {
            id[0] = rs.getLong(1);
            return true;
        });
        return id[0];
    }

    static DataSourceRecord with(DataSourceRecord s, int maxRows, int timeout) {
        return new DataSourceRecord(
                s.id(),
                s.name(),
                s.builtin(),
                s.jdbcUrl(),
                s.username(),
                s.passwordEncrypted(),
                s.readOnly(),
                maxRows,
                timeout,
                s.status(),
                s.statusMessage());
    }
}
