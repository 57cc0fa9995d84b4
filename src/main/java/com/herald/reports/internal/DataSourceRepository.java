package com.herald.reports.internal;

import com.herald.platform.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DataSourceRepository {

    private static final String COLUMNS = """
            id, name, builtin, jdbc_url, username, password_encrypted, read_only, max_rows,
            statement_timeout_seconds, status, status_message""";

    private final JdbcClient jdbc;

    DataSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataSourceRecord> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_sources ORDER BY name")
                .query(DataSourceRepository::map)
                .list();
    }

    public Optional<DataSourceRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_sources WHERE id = ?")
                .param(id)
                .query(DataSourceRepository::map)
                .optional();
    }

    public Optional<DataSourceRecord> findBuiltin(String builtin) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_sources WHERE builtin = ?")
                .param(builtin)
                .query(DataSourceRepository::map)
                .optional();
    }

    public boolean nameTaken(String name, UUID exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM data_sources WHERE name = ? AND (? IS NULL OR id <> ?)")
                        .params(name, exceptId, exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public UUID create(
            String name,
            String builtin,
            String jdbcUrl,
            String username,
            String passwordEncrypted,
            boolean readOnly,
            int maxRows,
            int timeoutSeconds,
            String status) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO data_sources (id, name, builtin, jdbc_url, username, password_encrypted, read_only,
                            max_rows, statement_timeout_seconds, status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        name,
                        builtin,
                        jdbcUrl,
                        username,
                        passwordEncrypted,
                        readOnly,
                        maxRows,
                        timeoutSeconds,
                        status,
                        now,
                        now)
                .update();
        return id;
    }

    /** Updates the settings; a null password keeps the stored one. */
    public void update(
            UUID id,
            String name,
            String jdbcUrl,
            String username,
            String passwordEncrypted,
            boolean readOnly,
            int maxRows,
            int timeoutSeconds) {
        jdbc.sql("""
                        UPDATE data_sources SET name = ?, jdbc_url = ?, username = ?,
                            password_encrypted = COALESCE(?, password_encrypted), read_only = ?, max_rows = ?,
                            statement_timeout_seconds = ?, updated_at = ?, version = version + 1
                        WHERE id = ?""")
                .params(
                        name,
                        jdbcUrl,
                        username,
                        passwordEncrypted,
                        readOnly,
                        maxRows,
                        timeoutSeconds,
                        Timestamp.from(Instant.now()),
                        id)
                .update();
    }

    public void setPassword(UUID id, String passwordEncrypted) {
        jdbc.sql("UPDATE data_sources SET password_encrypted = ?, updated_at = ? WHERE id = ?")
                .params(passwordEncrypted, Timestamp.from(Instant.now()), id)
                .update();
    }

    public void setStatus(UUID id, String status, String message) {
        jdbc.sql("UPDATE data_sources SET status = ?, status_message = ?, updated_at = ? WHERE id = ?")
                .params(status, message, Timestamp.from(Instant.now()), id)
                .update();
    }

    public long usageCount(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM report_types WHERE data_source_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM data_sources WHERE id = ? AND builtin IS NULL")
                .param(id)
                .update();
    }

    private static DataSourceRecord map(ResultSet rs, int n) throws SQLException {
        return new DataSourceRecord(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("builtin"),
                rs.getString("jdbc_url"),
                rs.getString("username"),
                rs.getString("password_encrypted"),
                rs.getBoolean("read_only"),
                rs.getInt("max_rows"),
                rs.getInt("statement_timeout_seconds"),
                rs.getString("status"),
                rs.getString("status_message"));
    }
}
