package com.herald.reports.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates, changes and tests data sources; passwords are encrypted here and never leave decrypted. */
@Service
public class DataSourceAdmin {

    private final DataSourceRepository repository;
    private final SecretCipher cipher;
    private final QueryRunner runner;

    private final AuditLog audit;

    DataSourceAdmin(DataSourceRepository repository, SecretCipher cipher, QueryRunner runner, AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.cipher = cipher;
        this.runner = runner;
    }

    public UUID create(
            String name, String jdbcUrl, String user, String password, boolean readOnly, int maxRows, int timeout) {
        UUID id = repository.create(
                name.strip(),
                null,
                jdbcUrl.strip(),
                blankToNull(user),
                password == null || password.isEmpty() ? null : cipher.encrypt(password),
                readOnly,
                maxRows,
                timeout,
                DataSourceRecord.READY);
        audit.record(AuditEvent.of("data_source.created", "data_source", id, name.strip())
                .withChanges(
                        Map.of(), snapshot(name.strip(), jdbcUrl.strip(), user, readOnly, maxRows, timeout, password)));
        return id;
    }

    /** Never the password itself: only whether one was set. */
    private static Map<String, Object> snapshot(
            String name, String url, String user, boolean readOnly, int maxRows, int timeout, String password) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", name);
        values.put("jdbc_url", url);
        values.put("user", blankToNull(user));
        values.put("read_only", readOnly);
        values.put("max_rows", maxRows);
        values.put("statement_timeout_seconds", timeout);
        values.put("password", password == null || password.isEmpty() ? "unchanged" : "changed");
        return values;
    }

    /** A blank password keeps the stored one. */
    public void update(
            UUID id,
            String name,
            String jdbcUrl,
            String user,
            String password,
            boolean readOnly,
            int maxRows,
            int timeout) {
        DataSourceRecord before = repository.find(id).orElse(null);
        repository.update(
                id,
                name.strip(),
                jdbcUrl.strip(),
                blankToNull(user),
                password == null || password.isEmpty() ? null : cipher.encrypt(password),
                readOnly,
                maxRows,
                timeout);
        audit.record(AuditEvent.of("data_source.updated", "data_source", id, name.strip())
                .withChanges(
                        before == null
                                ? Map.of()
                                : snapshot(
                                        before.name(),
                                        before.jdbcUrl(),
                                        before.username(),
                                        before.readOnly(),
                                        before.maxRows(),
                                        before.statementTimeoutSeconds(),
                                        null),
                        snapshot(name.strip(), jdbcUrl.strip(), user, readOnly, maxRows, timeout, password)));
    }

    /**
     * Tests the settings as typed; a blank password with an existing data source uses its stored password.
     *
     * @throws QueryFailure with the driver's message
     */
    public void test(UUID existingId, String jdbcUrl, String user, String password) {
        String effective = password;
        if ((password == null || password.isEmpty()) && existingId != null) {
            DataSourceRecord stored = repository.find(existingId).orElse(null);
            if (stored != null && stored.passwordEncrypted() != null) {
                try {
                    effective = cipher.decrypt(stored.passwordEncrypted());
                } catch (IllegalStateException e) {
                    throw new QueryFailure("connection", e.getMessage(), null);
                }
            }
        }
        runner.testConnection(jdbcUrl, user, effective);
    }

    /** Tests a stored data source (the built-in ones included) with a trivial query. */
    public void test(DataSourceRecord source) {
        if (!source.heraldDatabase()) {
            test(source.id(), source.jdbcUrl(), source.username(), null);
            return;
        }
        try (var connection = runner.open(source)) {
            if (!connection.isValid(10)) {
                throw new QueryFailure("connection", "The server did not answer", null);
            }
        } catch (java.sql.SQLException e) {
            throw new QueryFailure("connection", QueryRunner.driverMessage(e), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
