--liquibase formatted sql

--changeset herald:reports-001-data-sources-and-report-types
CREATE TABLE data_sources (
    id                        UUID          NOT NULL PRIMARY KEY,
    name                      VARCHAR(100)  NOT NULL,
    builtin                   VARCHAR(20)   NULL,
    jdbc_url                  VARCHAR(1000) NULL,
    username                  VARCHAR(200)  NULL,
    password_encrypted        VARCHAR(2000) NULL,
    read_only                 BOOLEAN       NOT NULL DEFAULT TRUE,
    max_rows                  INT           NOT NULL DEFAULT 100000,
    statement_timeout_seconds INT           NOT NULL DEFAULT 300,
    status                    VARCHAR(20)   NOT NULL DEFAULT 'ready',
    status_message            VARCHAR(1000) NULL,
    created_at                DATETIME(6)   NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    version                   INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_data_sources_name UNIQUE (name),
    CONSTRAINT uk_data_sources_builtin UNIQUE (builtin),
    CONSTRAINT ck_data_sources_status CHECK (status IN ('ready', 'preparing', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_types (
    id              UUID          NOT NULL PRIMARY KEY,
    type_key        VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    description     TEXT          NULL,
    data_source_id  UUID          NOT NULL,
    sql_text        MEDIUMTEXT    NOT NULL,
    parameters      LONGTEXT      NOT NULL,
    default_format  VARCHAR(10)   NOT NULL,
    layout          MEDIUMTEXT    NULL,
    min_interval    VARCHAR(40)   NULL,
    system_report   BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_report_types_key UNIQUE (type_key),
    CONSTRAINT fk_report_types_data_source FOREIGN KEY (data_source_id) REFERENCES data_sources (id),
    CONSTRAINT ck_report_types_format CHECK (default_format IN ('csv', 'xlsx', 'pdf', 'html')),
    CONSTRAINT ck_report_types_parameters CHECK (JSON_VALID(parameters))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_type_teams (
    report_type_id  UUID NOT NULL,
    team_id         UUID NOT NULL,
    PRIMARY KEY (report_type_id, team_id),
    INDEX ix_report_type_teams_team (team_id),
    CONSTRAINT fk_report_type_teams_type FOREIGN KEY (report_type_id) REFERENCES report_types (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_type_teams_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE report_type_teams; DROP TABLE report_types; DROP TABLE data_sources;
