package com.herald.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Report types on Herald's own database, so engine tests need neither the demo data (embedded only) nor a
 * data source of their own: they run the same on an external MariaDB.
 */
@Component
public class TestReports {

    private final JdbcClient jdbc;

    public TestReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Three rows, csv by default, granted to the team; returns its key. */
    public String threeRows(UUID teamId) {
        return create(
                teamId,
                "SELECT n, CONCAT('row ', n) AS label FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL"
                        + " SELECT 3) t WHERE :period_end IS NOT NULL ORDER BY n",
                null);
    }

    /** A report type with that query on the Herald database, granted to the team; returns its key. */
    public String create(UUID teamId, String sql, String minInterval) {
        UUID id = UUID.randomUUID();
        String key = "test_" + id.toString().replace("-", "").substring(0, 20);
        UUID source = jdbc.sql("SELECT id FROM data_sources WHERE builtin = 'herald'")
                .query(UUID.class)
                .single();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO report_types (id, type_key, name, description, data_source_id, sql_text, parameters,
                            default_format, min_interval, system_report, created_at, updated_at)
                        VALUES (?, ?, ?, NULL, ?, ?, '[]', 'csv', ?, FALSE, ?, ?)""")
                .params(id, key, "Test report " + key.substring(5, 11), source, sql, minInterval, now, now)
                .update();
        jdbc.sql("INSERT INTO report_type_teams (report_type_id, team_id) VALUES (?, ?)")
                .params(id, teamId)
                .update();
        return key;
    }
}
