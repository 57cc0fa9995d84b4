package com.herald.reports.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;

/** Creates, changes and tests data sources; passwords are encrypted here and never leave decrypted. */
@Service
public class DataSourceAdmin {

    private final DataSourceRepository repository;
    private final SecretCipher cipher;
    private final QueryRunner runner;

    DataSourceAdmin(DataSourceRepository repository, SecretCipher cipher, QueryRunner runner) {
        this.repository = repository;
        this.cipher = cipher;
        this.runner = runner;
    }

    public UUID create(
            String name, String jdbcUrl, String user, String password, boolean readOnly, int maxRows, int timeout) {
        return repository.create(
                name.strip(),
                null,
                jdbcUrl.strip(),
                blankToNull(user),
                password == null || password.isEmpty() ? null : cipher.encrypt(password),
                readOnly,
                maxRows,
                timeout,
                DataSourceRecord.READY);
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
        repository.update(
                id,
                name.strip(),
                jdbcUrl.strip(),
                blankToNull(user),
                password == null || password.isEmpty() ? null : cipher.encrypt(password),
                readOnly,
                maxRows,
                timeout);
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
