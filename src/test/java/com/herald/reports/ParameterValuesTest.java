package com.herald.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    static final ZonedDateTime AT = LocalDateTime.parse("2026-03-18T10:00").atZone(ZoneId.of("Europe/Berlin"));

    static final List<ParameterDefinition> DEFINITIONS = List.of(
            new ParameterDefinition("region", "Region", ParameterType.ENUM, false, null, List.of("EMEA", "NA")),
            new ParameterDefinition("day", "Day", ParameterType.DATE, true, "yesterday", List.of()),
            new ParameterDefinition("since", "Since", ParameterType.DATETIME, false, null, List.of()),
            new ParameterDefinition("top", "Top", ParameterType.INTEGER, true, "10", List.of()),
            new ParameterDefinition("ratio", "Ratio", ParameterType.DECIMAL, false, null, List.of()),
            new ParameterDefinition("active", "Active", ParameterType.BOOLEAN, false, null, List.of()),
            new ParameterDefinition("q", "Query", ParameterType.STRING, false, null, List.of()));

    @Test
    void typesValuesAndAppliesDefaults() {
        Map<String, Object> values = ParameterValues.bind(
                DEFINITIONS,
                Map.of("region", "NA", "since", "now-2h", "ratio", "0.25", "active", "yes", "q", "x' OR '1'='1"),
                AT);
        assertThat(values)
                .containsEntry("region", "NA")
                .containsEntry("day", LocalDate.parse("2026-03-17"))
                .containsEntry("since", LocalDateTime.parse("2026-03-18T08:00"))
                .containsEntry("top", 10L)
                .containsEntry("ratio", new BigDecimal("0.25"))
                .containsEntry("active", true)
                .containsEntry("q", "x' OR '1'='1");
    }

    @Test
    void absoluteDatesAreAcceptedToo() {
        Map<String, Object> values =
                ParameterValues.bind(DEFINITIONS, Map.of("day", "2024-02-29", "since", "2026-01-31 08:15"), AT);
        assertThat(values)
                .containsEntry("day", LocalDate.parse("2024-02-29"))
                .containsEntry("since", LocalDateTime.parse("2026-01-31T08:15"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ParameterValues.bind(
                        DEFINITIONS,
                        Map.of("region", "MARS", "day", "2026-02-30", "top", "ten", "ratio", "1,5", "active", "maybe"),
                        AT))
                .isInstanceOfSatisfying(
                        ParameterValues.InvalidParametersException.class, e -> assertThat(e.problems().stream()
                                        .map(ParameterValues.Problem::parameter)
                                        .toList())
                                .containsExactly("region", "day", "top", "ratio", "active"));
    }

    @Test
    void aRequiredValueWithoutDefaultIsMissing() {
        var definitions = List.of(new ParameterDefinition("id", null, ParameterType.INTEGER, true, null, List.of()));
        assertThatThrownBy(() -> ParameterValues.bind(definitions, Map.of("id", " "), AT))
                .isInstanceOfSatisfying(
                        ParameterValues.InvalidParametersException.class,
                        e -> assertThat(e.problems().getFirst().code()).isEqualTo("reports.param.required"));
    }
}
