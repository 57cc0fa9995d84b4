package com.herald.reports.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The data source form; the password is never filled in (blank keeps the stored one). */
record DataSourceForm(
        @NotBlank(message = "{datasources.validation.name}")
        @Size(max = 100, message = "{datasources.validation.nameSize}")
        String name,

        @NotBlank(message = "{datasources.validation.url}")
        @Size(max = 1000, message = "{datasources.validation.urlSize}")
        @Pattern(regexp = "^\\s*jdbc:(mariadb|mysql|postgresql):.*", message = "{datasources.validation.urlScheme}")
        String jdbcUrl,

        @Size(max = 200, message = "{datasources.validation.userSize}")
        String username,

        @Size(max = 500, message = "{datasources.validation.passwordSize}")
        String password,

        Boolean readOnly,

        @NotNull(message = "{datasources.validation.maxRows}")
        @Min(value = 1, message = "{datasources.validation.maxRows}")
        @Max(value = 10_000_000, message = "{datasources.validation.maxRows}")
        Integer maxRows,

        @NotNull(message = "{datasources.validation.timeout}")
        @Min(value = 1, message = "{datasources.validation.timeout}")
        @Max(value = 3600, message = "{datasources.validation.timeout}")
        Integer statementTimeoutSeconds) {

    boolean readOnlyChecked() {
        return Boolean.TRUE.equals(readOnly);
    }

    static DataSourceForm empty() {
        return new DataSourceForm("", "jdbc:mariadb://db.example.com:3306/sales", "", "", true, 100_000, 300);
    }
}
