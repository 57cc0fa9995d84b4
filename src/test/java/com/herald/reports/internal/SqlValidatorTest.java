package com.herald.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlValidatorTest {

    static List<String> codes(String sql, String... defined) {
        return SqlValidator.check(sql, List.of(defined)).stream()
                .map(SqlProblem::code)
                .toList();
    }

    @Test
    void acceptsASelectWithNamedParametersAndThePeriod() {
        assertThat(codes("""
                        SELECT r.name, SUM(amount) AS revenue -- a comment; with a semicolon
                        FROM orders o JOIN regions r ON r.id = o.region_id
                        WHERE o.created_at >= :period_start AND o.created_at < :period_end
                          AND (:region IS NULL OR r.code = :region) AND note <> 'drop; delete'
                        GROUP BY r.name;""", "region")).isEmpty();
    }

    @Test
    void acceptsWithAndPostgresCasts() {
        assertThat(codes("WITH t AS (SELECT :day::date AS d) SELECT d FROM t", "day"))
                .isEmpty();
        assertThat(codes("(SELECT 1) UNION (SELECT 2)")).isEmpty();
    }

    @Test
    void keywordsInsideStringsQuotedNamesAndCommentsAreData() {
        assertThat(codes("SELECT 'INSERT INTO x' AS \"update\", `delete` /* DROP TABLE */ FROM t"))
                .isEmpty();
        assertThat(codes("SELECT updated_at, created_by, deleted FROM t")).isEmpty();
    }

    @Test
    void rejectsMultipleStatements() {
        assertThat(codes("SELECT 1; DROP TABLE users")).contains("reports.sql.multiple", "reports.sql.forbidden");
        assertThat(codes("SELECT 1; SELECT 2")).containsExactly("reports.sql.multiple");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "INSERT INTO t VALUES (1)",
                "UPDATE t SET a = 1",
                "DELETE FROM t",
                "DROP TABLE t",
                "CREATE TABLE t (a INT)",
                "ALTER TABLE t ADD b INT",
                "TRUNCATE t",
                "GRANT SELECT ON t TO x",
                "CALL p()",
                "SET @a = 1",
                "SHOW TABLES"
            })
    void rejectsAnythingButSelect(String sql) {
        assertThat(codes(sql)).contains("reports.sql.notSelect");
    }

    @Test
    void rejectsWritesHiddenInsideASelect() {
        assertThat(codes("SELECT * INTO OUTFILE '/tmp/x' FROM t")).contains("reports.sql.forbidden");
        assertThat(codes("SELECT * FROM t FOR UPDATE")).contains("reports.sql.forbidden");
        assertThat(codes("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d"))
                .contains("reports.sql.forbidden");
        assertThat(codes("SELECT 1 /*! ; DROP TABLE t */")).contains("reports.sql.executableComment");
        assertThat(codes("SELECT 1 # ; DROP TABLE t")).contains("reports.sql.hashComment");
        assertThat(codes("SELECT 'unclosed")).contains("reports.sql.unclosed");
        assertThat(codes("SELECT 'a\\'; DROP TABLE t; SELECT ''")).contains("reports.sql.backslash");
        assertThat(codes("SELECT 'it''s; fine'")).isEmpty();
    }

    @Test
    void rejectsPositionalParameters() {
        assertThat(codes("SELECT * FROM t WHERE a = ?")).contains("reports.sql.positional");
    }

    @Test
    void listsParametersMissingEitherWay() {
        List<SqlProblem> problems =
                SqlValidator.check("SELECT * FROM t WHERE a = :a AND b = :b AND c = :period_end", List.of("a", "x"));
        assertThat(problems)
                .extracting(SqlProblem::code)
                .containsExactly("reports.sql.undefined", "reports.sql.unused");
        assertThat(problems.get(0).defaultMessage()).contains(":b").doesNotContain("period_end");
        assertThat(problems.get(1).defaultMessage()).contains("x");
    }

    @Test
    void thePeriodNeedsNoDefinitionAndMayNotHaveOne() {
        assertThat(codes("SELECT 1 WHERE :period_start < :period_end")).isEmpty();
        assertThat(codes("SELECT 1 WHERE :period_start < :period_end", "period_start"))
                .containsExactly("reports.sql.reservedDefined");
    }

    @Test
    void findsParameterNamesOutsideStrings() {
        assertThat(SqlValidator.parameterNames("SELECT ':nope', :yes, :yes, x::int FROM t WHERE d = :day"))
                .containsExactly("yes", "day");
    }

    @Test
    void emptySqlIsRejected() {
        assertThat(codes("  ")).containsExactly("reports.sql.empty");
    }
}
