package com.herald.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LiquibaseSchemaIT {

    @Autowired
    JdbcClient jdbc;

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
                        "DATABASECHANGELOG");
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
