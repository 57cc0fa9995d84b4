package com.herald.reports.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The report type form; parameters are edited as lines ({@code name | label | type | required | default | values}). */
record ReportTypeForm(
        @NotBlank(message = "{reports.validation.key}")
        @Pattern(regexp = "[a-z][a-z0-9_-]{1,63}", message = "{reports.validation.key}")
        String key,

        @NotBlank(message = "{reports.validation.name}") @Size(max = 200, message = "{reports.validation.nameSize}")
        String name,

        @Size(max = 2000, message = "{reports.validation.descriptionSize}")
        String description,

        @NotNull(message = "{reports.validation.dataSource}")
        UUID dataSourceId,

        @NotBlank(message = "{reports.sql.empty}") @Size(max = 100_000, message = "{reports.validation.sqlSize}")
        String sql,

        @Size(max = 20_000, message = "{reports.validation.parametersSize}")
        String parameters,

        @NotBlank(message = "{reports.validation.format}")
        @Pattern(regexp = "csv|xlsx|pdf|html", message = "{reports.validation.format}")
        String defaultFormat,

        @Size(max = 200_000, message = "{reports.validation.layoutSize}")
        String layout,

        @Size(max = 40, message = "{reports.validation.interval}")
        String minimumInterval,

        List<UUID> teamIds) {

    static ReportTypeForm empty() {
        return new ReportTypeForm("", "", "", null, "", "", "csv", "", "", List.of());
    }
}
