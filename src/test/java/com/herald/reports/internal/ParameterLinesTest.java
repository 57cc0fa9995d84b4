package com.herald.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.reports.ParameterDefinition;
import com.herald.reports.ParameterType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterLinesTest {

    @Test
    void parsesAndFormatsBack() {
        String text = """
                region | Region | enum | optional | | EMEA, NA, APAC
                day | Day | date | required | yesterday
                top | | integer
                """;
        ParameterLines.Parsed parsed = ParameterLines.parse(text);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.definitions())
                .containsExactly(
                        new ParameterDefinition(
                                "region", "Region", ParameterType.ENUM, false, null, List.of("EMEA", "NA", "APAC")),
                        new ParameterDefinition("day", "Day", ParameterType.DATE, true, "yesterday", List.of()),
                        new ParameterDefinition("top", null, ParameterType.INTEGER, false, null, List.of()));
        assertThat(ParameterLines.parse(ParameterLines.format(parsed.definitions()))
                        .definitions())
                .isEqualTo(parsed.definitions());
    }

    @Test
    void reportsEachBadLine() {
        ParameterLines.Parsed parsed = ParameterLines.parse("""
                1bad | x | string
                a | A | colour
                b | B | enum
                c | C | string | maybe
                d | D | enum | optional | Z | X, Y
                e | E | string
                e | E | string
                """);
        assertThat(parsed.problems())
                .extracting(SqlProblem::code)
                .containsExactly(
                        "reports.params.badName",
                        "reports.params.badType",
                        "reports.params.enumValues",
                        "reports.params.badRequired",
                        "reports.params.defaultNotAllowed",
                        "reports.params.duplicate");
    }
}
