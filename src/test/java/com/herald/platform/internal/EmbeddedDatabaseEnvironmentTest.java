package com.herald.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDatabaseEnvironmentTest {

    private final EmbeddedDatabaseEnvironment postProcessor = new EmbeddedDatabaseEnvironment(new DeferredLogs());

    @Test
    void anExternalDatabaseUrlStartsNothingAndIsKept() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example.com:3306/herald")
                .withProperty("herald.data-dir", "/nonexistent/should-not-be-touched");
        postProcessor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:mariadb://db.example.com:3306/herald");
        assertThat(env.getProperty("herald.embedded-db.active")).isNull();
        assertThat(env.getPropertySources().contains("heraldEmbeddedDatabase")).isFalse();
    }

    @Test
    void theEmbeddedDatabaseCanBeSwitchedOff() {
        MockEnvironment env = new MockEnvironment().withProperty("herald.embedded-db.enabled", "false");
        postProcessor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isNull();
    }
}
