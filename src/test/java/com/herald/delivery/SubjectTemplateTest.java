package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectTemplateTest {

    @Test
    void aTemplateWithKnownVariablesHasNoProblems() {
        assertThat(SubjectTemplate.problems("{{report}} — {{period}} ({{ schedule }}, {{date}})"))
                .isEmpty();
        assertThat(SubjectTemplate.problems("Plain subject")).isEmpty();
        assertThat(SubjectTemplate.problems("x".repeat(200))).isEmpty();
    }

    @Test
    void blankTooLongLineBreaksAndUnknownVariablesAreProblems() {
        assertThat(SubjectTemplate.problems(null)).containsExactly(SubjectTemplate.EMPTY);
        assertThat(SubjectTemplate.problems("  ")).containsExactly(SubjectTemplate.EMPTY);
        assertThat(SubjectTemplate.problems("x".repeat(201))).containsExactly(SubjectTemplate.TOO_LONG);
        assertThat(SubjectTemplate.problems("a\r\nBcc: x@example.com")).containsExactly(SubjectTemplate.LINE_BREAK);
        assertThat(SubjectTemplate.problems("a\nb")).containsExactly(SubjectTemplate.LINE_BREAK);
        assertThat(SubjectTemplate.problems("{{report}} {{owner}}")).containsExactly(SubjectTemplate.UNKNOWN_VARIABLE);
        assertThat(SubjectTemplate.problems("{{Report}}")).containsExactly(SubjectTemplate.UNKNOWN_VARIABLE);
        assertThat(SubjectTemplate.problems("{{}}")).containsExactly(SubjectTemplate.UNKNOWN_VARIABLE);
        assertThat(SubjectTemplate.problems("{{x}}\n" + "y".repeat(200)))
                .containsExactly(
                        SubjectTemplate.TOO_LONG, SubjectTemplate.LINE_BREAK, SubjectTemplate.UNKNOWN_VARIABLE);
    }

    @Test
    void renderFillsInTheVariablesAndNoLineBreakComesOut() {
        Map<String, String> vars = Map.of(
                "report", "Sales\r\nBcc: victim@example.com",
                "period", "March 2026",
                "schedule", "Monthly\u2028sales",
                "date", "2026-04-01");
        String subject = SubjectTemplate.render("{{report}} — {{ period }} / {{schedule}} / {{date}}", vars);
        assertThat(subject)
                .isEqualTo("Sales Bcc: victim@example.com — March 2026 / Monthly sales / 2026-04-01")
                .doesNotContain("\r", "\n");
        assertThat(SubjectTemplate.render("a\nb {{report}}", Map.of("report", "$1 \\ r")))
                .isEqualTo("a b $1 \\ r");
    }

    @Test
    void renderLeavesUnknownVariablesAndEmptiesMissingOnes() {
        assertThat(SubjectTemplate.render("{{report}}|{{owner}}|{{period}}", Map.of("report", "R")))
                .isEqualTo("R|{{owner}}|");
    }
}
