package com.herald.reports.internal;

import com.herald.platform.Ids;
import com.herald.platform.Secrets;
import com.herald.reports.ParameterDefinition;
import com.herald.reports.ParameterType;
import com.herald.reports.ReportFormat;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Herald ships: the "Herald database" data source with the Delivery audit report (always), and in
 * embedded mode the demo data source — schema {@code herald_demo}, generated in the background after start
 * (the data source says "preparing" until then), read through the SELECT-only account
 * {@code herald_demo_reader} — with its demo report types. Idempotent across restarts; instances sharing
 * the database serialize on a MariaDB named lock.
 */
@Component
class BuiltinReports {

    static final String DEMO_SCHEMA = "herald_demo";
    static final String DEMO_USER = "herald_demo_reader";
    private static final Logger log = LoggerFactory.getLogger(BuiltinReports.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DataSourceRepository sources;
    private final ReportTypeRepository reportTypes;
    private final SecretCipher cipher;
    private final Environment env;

    BuiltinReports(
            JdbcClient jdbc,
            DataSource dataSource,
            DataSourceRepository sources,
            ReportTypeRepository reportTypes,
            SecretCipher cipher,
            Environment env) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.sources = sources;
        this.reportTypes = reportTypes;
        this.cipher = cipher;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        UUID herald = ensureDataSource("Herald database", DataSourceRecord.HERALD, null, 100_000, 60, "ready");
        reportTypes.createIfAbsent(deliveryAudit(herald));
        if (!env.getProperty("herald.embedded-db.active", Boolean.class, false)
                || !env.getProperty("herald.demo.enabled", Boolean.class, true)) {
            return;
        }
        String url = "jdbc:mariadb://" + env.getProperty("herald.embedded-db.host", "127.0.0.1") + ":"
                + env.getProperty("herald.embedded-db.actual-port") + "/" + DEMO_SCHEMA;
        UUID demo = ensureDataSource("Demo", DataSourceRecord.DEMO, url, 100_000, 30, DataSourceRecord.PREPARING);
        int orderLines = env.getProperty("herald.demo.order-lines", Integer.class, 200_000);
        Thread.ofVirtual().name("herald-demo-data").start(() -> prepareDemo(demo, url, orderLines));
    }

    private UUID ensureDataSource(String name, String builtin, String url, int maxRows, int timeout, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT IGNORE INTO data_sources (id, name, builtin, jdbc_url, username, read_only, max_rows,
                            statement_timeout_seconds, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?)""")
                .params(
                        Ids.newId(),
                        name,
                        builtin,
                        url,
                        builtin.equals(DataSourceRecord.DEMO) ? DEMO_USER : null,
                        maxRows,
                        timeout,
                        status,
                        now,
                        now)
                .update();
        return sources.findBuiltin(builtin).orElseThrow().id();
    }

    void prepareDemo(UUID demo, String url, int orderLines) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement st = connection.createStatement()) {
            try (ResultSet lock = st.executeQuery("SELECT GET_LOCK('herald_demo_data', 300)")) {
                if (!lock.next() || lock.getInt(1) != 1) {
                    throw new SQLException("Another instance held the demo data lock for 5 minutes");
                }
            }
            try {
                boolean generated = false;
                if (demoRows(st) != orderLines) {
                    st.execute("DROP DATABASE IF EXISTS `" + DEMO_SCHEMA + "`");
                    st.execute(
                            "CREATE DATABASE `" + DEMO_SCHEMA + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                    DemoDataGenerator.generate(connection, DEMO_SCHEMA, orderLines, LocalDate.now(ZoneOffset.UTC));
                    generated = true;
                }
                String password = readerPassword(demo);
                st.execute(
                        "CREATE USER IF NOT EXISTS '" + DEMO_USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
                st.execute("ALTER USER '" + DEMO_USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
                st.execute("GRANT SELECT ON `" + DEMO_SCHEMA + "`.* TO '" + DEMO_USER + "'@'127.0.0.1'");
                jdbc.sql("UPDATE data_sources SET jdbc_url = ?, username = ? WHERE id = ?")
                        .params(url, DEMO_USER, demo)
                        .update();
                seedDemoReportTypes(demo);
                sources.setStatus(demo, DataSourceRecord.READY, null);
                if (generated) {
                    log.info(
                            "Demo data source ready: {} order lines generated in {} ms",
                            orderLines,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
            } finally {
                st.execute("DO RELEASE_LOCK('herald_demo_data')");
            }
        } catch (SQLException | RuntimeException e) {
            log.error("Could not prepare the demo data source", e);
            sources.setStatus(demo, DataSourceRecord.FAILED, QueryRunner.driverMessageOf(e));
        }
    }

    private static int demoRows(Statement st) throws SQLException {
        try (ResultSet exists = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                + DEMO_SCHEMA + "' AND table_name = 'demo_info'")) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return -1;
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT order_lines FROM `" + DEMO_SCHEMA + "`.demo_info WHERE id = 1")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    /** The reader's password, kept encrypted on the data source like any other; a new one when unreadable. */
    private String readerPassword(UUID demo) {
        DataSourceRecord source = sources.find(demo).orElseThrow();
        if (source.passwordEncrypted() != null) {
            try {
                String existing = cipher.decrypt(source.passwordEncrypted());
                if (existing.matches("[A-Za-z0-9]{24,}")) {
                    return existing;
                }
            } catch (IllegalStateException e) {
                log.warn("The demo reader's password was encrypted with another key; generating a new one");
            }
        }
        String password = Secrets.random(32);
        sources.setPassword(demo, cipher.encrypt(password));
        return password;
    }

    private void seedDemoReportTypes(UUID demo) {
        for (ReportTypeRecord type : demoReportTypes(demo)) {
            reportTypes.createIfAbsent(type);
        }
    }

    static ReportTypeRecord deliveryAudit(UUID herald) {
        return new ReportTypeRecord(
                null,
                "delivery_audit",
                "Delivery audit",
                "What Herald sent to whom in the reporting period: every delivery of every run, with its status.",
                herald,
                """
                SELECT d.updated_at AS at, d.email AS recipient, r.schedule_name AS schedule, d.status, d.attempts,
                       d.sent_at, d.message_id, d.error
                FROM deliveries d JOIN runs r ON r.id = d.run_id
                WHERE d.updated_at >= :period_start AND d.updated_at < :period_end
                ORDER BY d.updated_at DESC""",
                List.of(),
                ReportFormat.XLSX,
                null,
                Duration.ofHours(1),
                true,
                Set.of());
    }

    static List<ReportTypeRecord> demoReportTypes(UUID demo) {
        List<String> regions = List.of("EMEA", "NA", "LATAM", "APAC");
        ParameterDefinition region =
                new ParameterDefinition("region", "Region", ParameterType.ENUM, false, null, regions);
        return List.of(
                new ReportTypeRecord(
                        null,
                        "daily_sales_by_region",
                        "Daily sales by region",
                        "Orders, units and revenue per region for one day (cancelled orders excluded).",
                        demo,
                        """
                        SELECT r.name AS region, COUNT(DISTINCT o.id) AS orders, SUM(l.quantity) AS units,
                               ROUND(SUM(l.quantity * l.unit_price * (1 - l.discount)), 2) AS revenue
                        FROM orders o
                        JOIN customers c ON c.id = o.customer_id
                        JOIN regions r ON r.id = c.region_id
                        JOIN order_lines l ON l.order_id = o.id
                        WHERE o.order_date >= :day AND o.order_date < :day + INTERVAL 1 DAY
                          AND o.status <> 'cancelled'
                          AND (:region IS NULL OR r.code = :region)
                        GROUP BY r.name
                        ORDER BY revenue DESC""",
                        List.of(
                                new ParameterDefinition("day", "Day", ParameterType.DATE, true, "yesterday", List.of()),
                                region),
                        ReportFormat.CSV,
                        null,
                        null,
                        false,
                        Set.of()),
                new ReportTypeRecord(
                        null,
                        "weekly_top_products",
                        "Weekly top products",
                        "The best-selling products of a week (Monday to Sunday) by revenue.",
                        demo,
                        """
                        SELECT p.sku, p.name AS product, p.category, SUM(l.quantity) AS units,
                               ROUND(SUM(l.quantity * l.unit_price * (1 - l.discount)), 2) AS revenue
                        FROM order_lines l
                        JOIN orders o ON o.id = l.order_id
                        JOIN products p ON p.id = l.product_id
                        WHERE o.order_date >= :week_start AND o.order_date < :week_start + INTERVAL 7 DAY
                          AND o.status <> 'cancelled'
                          AND (:category IS NULL OR p.category = :category)
                        GROUP BY p.id, p.sku, p.name, p.category
                        ORDER BY revenue DESC
                        LIMIT :top""",
                        List.of(
                                new ParameterDefinition(
                                        "week_start",
                                        "Week starting",
                                        ParameterType.DATE,
                                        true,
                                        "start_of_week-1w",
                                        List.of()),
                                new ParameterDefinition(
                                        "category",
                                        "Category",
                                        ParameterType.ENUM,
                                        false,
                                        null,
                                        List.of(DemoDataGenerator.CATEGORIES)),
                                new ParameterDefinition(
                                        "top", "Number of products", ParameterType.INTEGER, true, "10", List.of())),
                        ReportFormat.XLSX,
                        null,
                        Duration.ofDays(1),
                        false,
                        Set.of()),
                new ReportTypeRecord(
                        null,
                        "monthly_revenue_by_segment",
                        "Monthly revenue by customer segment",
                        "Revenue, orders and customers per customer segment for one calendar month.",
                        demo,
                        """
                        SELECT c.segment, COUNT(DISTINCT o.customer_id) AS customers, COUNT(DISTINCT o.id) AS orders,
                               ROUND(SUM(l.quantity * l.unit_price * (1 - l.discount)), 2) AS revenue
                        FROM orders o
                        JOIN customers c ON c.id = o.customer_id
                        JOIN order_lines l ON l.order_id = o.id
                        WHERE o.order_date >= :month_start AND o.order_date < :month_start + INTERVAL 1 MONTH
                          AND o.status <> 'cancelled'
                          AND (:segment IS NULL OR c.segment = :segment)
                        GROUP BY c.segment
                        ORDER BY revenue DESC""",
                        List.of(
                                new ParameterDefinition(
                                        "month_start",
                                        "Month starting",
                                        ParameterType.DATE,
                                        true,
                                        "start_of_month-1M",
                                        List.of()),
                                new ParameterDefinition(
                                        "segment",
                                        "Segment",
                                        ParameterType.ENUM,
                                        false,
                                        null,
                                        List.of(DemoDataGenerator.SEGMENTS))),
                        ReportFormat.PDF,
                        null,
                        Duration.ofDays(1),
                        false,
                        Set.of()),
                new ReportTypeRecord(
                        null,
                        "orders_pending_shipment",
                        "Orders pending shipment",
                        "Orders not shipped yet, oldest first, with their value and how long they have waited.",
                        demo,
                        """
                        SELECT o.id AS order_id, o.order_date, c.name AS customer, r.name AS region,
                               COUNT(l.id) AS line_count,
                               ROUND(SUM(l.quantity * l.unit_price * (1 - l.discount)), 2) AS order_value,
                               DATEDIFF(NOW(), o.order_date) AS days_waiting
                        FROM orders o
                        JOIN customers c ON c.id = o.customer_id
                        JOIN regions r ON r.id = c.region_id
                        JOIN order_lines l ON l.order_id = o.id
                        WHERE o.status = 'pending'
                          AND o.order_date <= NOW() - INTERVAL :min_days_waiting DAY
                          AND (:region IS NULL OR r.code = :region)
                        GROUP BY o.id, o.order_date, c.name, r.name
                        ORDER BY o.order_date""",
                        List.of(
                                new ParameterDefinition(
                                        "min_days_waiting",
                                        "Waiting at least (days)",
                                        ParameterType.INTEGER,
                                        true,
                                        "0",
                                        List.of()),
                                region),
                        ReportFormat.HTML,
                        null,
                        null,
                        false,
                        Set.of()));
    }
}
