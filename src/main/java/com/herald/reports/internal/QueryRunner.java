package com.herald.reports.internal;

import com.herald.reports.ReportTypeInfo;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * Runs report queries on a data source: a connection of its own, kept for the next query on the same data
 * source (Herald's pool for the built-in Herald database), read-only, in a transaction that is rolled back, with the data source's statement timeout and
 * max rows, and every parameter bound through a prepared statement — never concatenated.
 */
@Component
public class QueryRunner {

    /** Receives rows as they stream; return false to stop early. */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(ResultSet rs, long index) throws SQLException;

        /** Called once before the first row (also when there is none). */
        default void start(ResultSetMetaData meta) throws SQLException {}
    }

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * Driver options that load classes, read or write local files or run commands: never needed for a
     * report, and dangerous in a URL typed into a web form.
     */
    static final java.util.List<String> UNSAFE_URL_OPTIONS = java.util.List.of(
            "socketfactory",
            "sslfactory",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "authenticationpluginclassname",
            "loggerfile",
            "loggerlevel",
            "allowloadlocalinfile",
            "allowlocalinfile",
            "credentialtype",
            "sessionvariables",
            "initsql");

    private final DataSource heraldDatabase;
    private final SecretCipher cipher;
    private final ConnectionCache connections = new ConnectionCache();

    QueryRunner(DataSource heraldDatabase, SecretCipher cipher) {
        this.heraldDatabase = heraldDatabase;
        this.cipher = cipher;
    }

    @PreDestroy
    void closeConnections() {
        connections.closeAll();
    }

    /** Connects and checks the connection; the driver's message on failure. */
    public void testConnection(String jdbcUrl, String user, String password) {
        try (Connection connection = connect(jdbcUrl, user, password)) {
            if (!connection.isValid(CONNECT_TIMEOUT_SECONDS)) {
                throw new QueryFailure("connection", "The server did not answer", null);
            }
        } catch (SQLException e) {
            throw new QueryFailure("connection", driverMessage(e), e);
        }
    }

    /** Runs the query and keeps the first {@code sample} rows as text, counting all rows up to max rows. */
    public PreviewResult preview(DataSourceRecord source, String sql, Map<String, Object> values, int sample) {
        long started = System.nanoTime();
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        long count = run(source, sql, values, new RowHandler() {
            @Override
            public void start(ResultSetMetaData meta) throws SQLException {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
            }

            @Override
            public boolean row(ResultSet rs, long index) throws SQLException {
                if (index < sample) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(text(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return true;
            }
        });
        return new PreviewResult(
                List.copyOf(columns),
                List.copyOf(rows),
                count,
                count >= source.maxRows(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Streams the query's rows to the handler and answers how many it saw. Values: one per named parameter
     * of the SQL (period_start and period_end included when used).
     */
    public long run(DataSourceRecord source, String sql, Map<String, Object> values, RowHandler handler) {
        return withResultSet(source, sql, values, rs -> {
            long count = 0;
            handler.start(rs.getMetaData());
            while (count < source.maxRows() && rs.next()) {
                boolean more = handler.row(rs, count);
                count++;
                if (!more) {
                    break;
                }
            }
            return count;
        });
    }

    /** Reads an open result set: called once, with the statement still open. */
    @FunctionalInterface
    public interface ResultSetCallback<T> {
        T read(ResultSet rs) throws SQLException, java.io.IOException;
    }

    /**
     * Runs the query read-only with the data source's timeout and row limit, its named parameters bound,
     * and hands the streaming result set (fetched 500 rows at a time) to the callback.
     */
    public <T> T withResultSet(
            DataSourceRecord source, String sql, Map<String, Object> values, ResultSetCallback<T> callback) {
        return withResultSet(source, sql, values, 0, callback);
    }

    /**
     * {@link #withResultSet(DataSourceRecord, String, Map, ResultSetCallback)} with a timeout of its own
     * ({@code timeoutSeconds} > 0, a schedule's): the shorter of it and the data source's applies.
     */
    public <T> T withResultSet(
            DataSourceRecord source,
            String sql,
            Map<String, Object> values,
            int timeoutSeconds,
            ResultSetCallback<T> callback) {
        int timeout = timeoutSeconds > 0
                ? Math.min(timeoutSeconds, source.statementTimeoutSeconds())
                : source.statementTimeoutSeconds();
        if (!source.ready()) {
            throw new QueryFailure("not_ready", "The data source is not ready yet (" + source.status() + ")", null);
        }
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(stripTrailingSemicolons(sql));
        Map<String, Object> bound = new LinkedHashMap<>(values);
        for (String name : SqlValidator.parameterNames(sql)) {
            if (!bound.containsKey(name)) {
                if (name.equals(ReportTypeInfo.PERIOD_START) || name.equals(ReportTypeInfo.PERIOD_END)) {
                    bound.put(name, null);
                } else {
                    throw new QueryFailure("query", "No value for the parameter :" + name, null);
                }
            }
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource(bound);
        String jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, parameters);
        Object[] args = NamedParameterUtils.buildValueArray(parsed, parameters, null);
        ConnectionCache.Key key = source.heraldDatabase() ? null : ConnectionCache.Key.of(source);
        Connection connection = key == null ? null : connections.borrow(key);
        boolean keep = false;
        try {
            if (connection == null) {
                connection = open(source);
            }
            boolean readOnly = source.readOnly() || source.heraldDatabase();
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            if (readOnly && isMariaDbOrMySql(connection)) {
                // MariaDB's driver does not tell the server about setReadOnly; this makes writes fail (error 1792)
                try (Statement start = connection.createStatement()) {
                    start.execute("START TRANSACTION READ ONLY");
                }
            }
            T result;
            try (PreparedStatement statement =
                    connection.prepareStatement(jdbcSql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setQueryTimeout(timeout);
                statement.setMaxRows(source.maxRows());
                statement.setFetchSize(500);
                for (int i = 0; i < args.length; i++) {
                    StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, args[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    result = callback.read(rs);
                }
            } finally {
                rollbackQuietly(connection);
            }
            keep = key != null;
            return result;
        } catch (SQLException e) {
            if (isTimeout(e)) {
                throw new QueryFailure(
                        "timeout",
                        "The query took longer than its statement timeout of " + timeout + " s and was cancelled",
                        e);
            }
            throw new QueryFailure("query", driverMessage(e), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            // a connection whose query failed (or timed out) is closed, not reused
            if (connection != null) {
                if (keep) {
                    connections.giveBack(key, connection);
                } else {
                    ConnectionCache.closeQuietly(connection);
                }
            }
        }
    }

    Connection open(DataSourceRecord source) throws SQLException {
        if (source.heraldDatabase()) {
            return heraldDatabase.getConnection();
        }
        String password;
        try {
            password = source.passwordEncrypted() == null ? "" : cipher.decrypt(source.passwordEncrypted());
        } catch (IllegalStateException e) {
            throw new QueryFailure("connection", e.getMessage(), null);
        }
        try {
            return connect(source.jdbcUrl(), source.username(), password);
        } catch (SQLException e) {
            throw new QueryFailure("connection", driverMessage(e), e);
        }
    }

    /** The drivers Herald ships: MariaDB (also for jdbc:mysql: URLs) and PostgreSQL. */
    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        String url = jdbcUrl == null ? "" : jdbcUrl.strip();
        Driver driver;
        Properties props = new Properties();
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        for (String option : UNSAFE_URL_OPTIONS) {
            if (lower.contains(option)) {
                throw new SQLException("The JDBC URL option " + option + " is not allowed in Herald");
            }
        }
        if (url.startsWith("jdbc:mysql:")) {
            url = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        }
        if (url.startsWith("jdbc:mariadb:")) {
            driver = new org.mariadb.jdbc.Driver();
            props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        } else if (url.startsWith("jdbc:postgresql:")) {
            driver = new org.postgresql.Driver();
            props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
            props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        } else {
            throw new SQLException("Herald supports jdbc:mariadb:, jdbc:mysql: and jdbc:postgresql: URLs");
        }
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        Connection connection = driver.connect(url, props);
        if (connection == null) {
            throw new SQLException("The driver does not accept this JDBC URL");
        }
        return connection;
    }

    private static boolean isMariaDbOrMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && (product.contains("MariaDB") || product.contains("MySQL"));
    }

    static boolean isTimeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException s
                    && (s.getErrorCode() == 1969
                            || "70100".equals(s.getSQLState()) && s.getErrorCode() == 1317
                            || "57014".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own words, on one line and of reasonable length. */
    static String driverMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    /** The message of the innermost SQL exception, or of the exception itself. */
    static String driverMessageOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return driverMessage(s);
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Timestamp ts -> ts.toLocalDateTime().toString().replace('T', ' ');
            case LocalDateTime ldt -> ldt.toString().replace('T', ' ');
            case BigDecimal bd -> bd.toPlainString();
            case byte[] bytes -> "(" + bytes.length + " bytes)";
            default -> String.valueOf(value);
        };
    }

    private static String stripTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is closed next anyway
        }
    }
}
