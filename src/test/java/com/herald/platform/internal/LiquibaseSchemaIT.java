package com.herald.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LiquibaseSchemaIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @Test
    void liquibaseCreatesEveryTableIncludingTheSchedulersAndSessions() {
        List<String> tables = jdbc.sql(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class)
                .list();
        assertThat(tables)
                .contains(
                        "users",
                        "api_keys",
                        "SPRING_SESSION",
                        "SPRING_SESSION_ATTRIBUTES",
                        "outbox_messages",
                        "scheduled_tasks",
                        "schedules",
                        "runs",
                        "deliveries",
                        "run_artifact_chunks",
                        "DATABASECHANGELOG");
    }

    @Test
    void anExternalDatabaseIsUsedAsIsAndOtherwiseTheEmbeddedOneRuns() {
        String external = System.getenv("HERALD_TEST_DB_URL");
        if (external == null || external.isBlank()) {
            assertThat(env.getProperty("herald.embedded-db.active")).isEqualTo("true");
            assertThat(jdbc.sql("SELECT VERSION()").query(String.class).single())
                    .startsWith("11.4");
        } else {
            assertThat(env.getProperty("herald.embedded-db.active")).isNull();
            assertThat(env.getProperty("spring.datasource.url")).isEqualTo(external);
        }
    }

    @Test
    void theDatabaseIsMariaDbInUtf8mb4() {
        assertThat(jdbc.sql("SELECT VERSION()").query(String.class).single()).containsIgnoringCase("mariadb");
        assertThat(jdbc.sql("SELECT @@character_set_database")
                        .query(String.class)
                        .single())
                .isEqualTo("utf8mb4");
    }
}
