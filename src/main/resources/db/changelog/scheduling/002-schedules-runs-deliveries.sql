--liquibase formatted sql

--changeset herald:scheduling-002-schedules
CREATE TABLE schedules (
    id                       UUID          NOT NULL PRIMARY KEY,
    team_id                  UUID          NOT NULL,
    owner_id                 UUID          NOT NULL,
    name                     VARCHAR(200)  NOT NULL,
    description              VARCHAR(2000) NULL,
    report_type              VARCHAR(64)   NOT NULL,
    parameters               TEXT          NOT NULL,
    cadence                  VARCHAR(1000) NOT NULL,
    cron                     VARCHAR(200)  NOT NULL,
    time_zone                VARCHAR(64)   NOT NULL,
    start_at                 DATETIME(6)   NULL,
    end_at                   DATETIME(6)   NULL,
    status                   VARCHAR(10)   NOT NULL,
    paused_reason            VARCHAR(500)  NULL,
    emails                   MEDIUMTEXT    NOT NULL,
    formats                  VARCHAR(40)   NOT NULL,
    subject                  VARCHAR(200)  NOT NULL,
    skip_if_empty            BOOLEAN       NOT NULL,
    timeout_seconds          INT           NOT NULL,
    max_retries              INT           NOT NULL,
    retry_backoff_seconds    INT           NOT NULL,
    overlap_policy           VARCHAR(10)   NOT NULL,
    catchup_window_minutes   INT           NOT NULL,
    flexible_window_minutes  INT           NOT NULL,
    pause_after_failures     INT           NOT NULL,
    external_id              VARCHAR(200)  NULL,
    deduplication_key        VARCHAR(200)  NULL,
    idempotency_key          VARCHAR(200)  NULL,
    request_hash             CHAR(64)      NULL,
    next_run_at              DATETIME(6)   NULL,
    last_run_at              DATETIME(6)   NULL,
    last_run_status          VARCHAR(20)   NULL,
    last_error_message       VARCHAR(1000) NULL,
    last_succeeded_at        DATETIME(6)   NULL,
    run_count                INT           NOT NULL DEFAULT 0,
    consecutive_failures     INT           NOT NULL DEFAULT 0,
    created_at               DATETIME(6)   NOT NULL,
    updated_at               DATETIME(6)   NOT NULL,
    version                  INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_schedules_team_name UNIQUE (team_id, name),
    CONSTRAINT uk_schedules_team_external_id UNIQUE (team_id, external_id),
    CONSTRAINT uk_schedules_owner_dedup UNIQUE (owner_id, deduplication_key),
    CONSTRAINT uk_schedules_owner_idempotency UNIQUE (owner_id, idempotency_key),
    INDEX ix_schedules_owner_name (owner_id, name),
    INDEX ix_schedules_name (name),
    INDEX ix_schedules_report_type (report_type, name),
    INDEX ix_schedules_status (status, name),
    INDEX ix_schedules_next_run (next_run_at),
    INDEX ix_schedules_external_id (external_id),
    CONSTRAINT fk_schedules_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT fk_schedules_owner FOREIGN KEY (owner_id) REFERENCES users (id),
    CONSTRAINT ck_schedules_status CHECK (status IN ('ACTIVE', 'PAUSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No foreign key to recipient_lists: a list in use cannot be deleted (RecipientListUsage), and a team's
-- deletion removes both sides through their own cascades.
CREATE TABLE schedule_lists (
    schedule_id  UUID  NOT NULL,
    list_id      UUID  NOT NULL,
    position     INT   NOT NULL,
    PRIMARY KEY (schedule_id, list_id),
    INDEX ix_schedule_lists_list (list_id),
    CONSTRAINT fk_schedule_lists_schedule FOREIGN KEY (schedule_id) REFERENCES schedules (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE schedule_subscribers (
    schedule_id  UUID         NOT NULL,
    user_id      UUID         NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (schedule_id, user_id),
    INDEX ix_schedule_subscribers_user (user_id),
    CONSTRAINT fk_schedule_subscribers_schedule FOREIGN KEY (schedule_id) REFERENCES schedules (id) ON DELETE CASCADE,
    CONSTRAINT fk_schedule_subscribers_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE schedule_subscribers; DROP TABLE schedule_lists; DROP TABLE schedules;

--changeset herald:scheduling-002-runs
-- Runs outlive their schedule (deleting a schedule keeps its history), so no foreign key to schedules.
CREATE TABLE runs (
    id               UUID           NOT NULL PRIMARY KEY,
    schedule_id      UUID           NOT NULL,
    team_id          UUID           NOT NULL,
    schedule_name    VARCHAR(200)   NOT NULL,
    nominal_time     DATETIME(6)    NOT NULL,
    trigger_kind     VARCHAR(20)    NOT NULL,
    attempt          INT            NOT NULL DEFAULT 0,
    status           VARCHAR(20)    NOT NULL,
    started_at       DATETIME(6)    NULL,
    finished_at      DATETIME(6)    NULL,
    period_start     DATETIME(6)    NULL,
    period_end       DATETIME(6)    NULL,
    row_count        BIGINT         NULL,
    error_category   VARCHAR(20)    NULL,
    error_message    VARCHAR(2000)  NULL,
    triggered_by     UUID           NULL,
    next_attempt_at  DATETIME(6)    NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    CONSTRAINT uk_runs_fire UNIQUE (schedule_id, nominal_time, trigger_kind),
    INDEX ix_runs_schedule_created (schedule_id, created_at),
    INDEX ix_runs_schedule_status (schedule_id, status),
    INDEX ix_runs_team_nominal (team_id, nominal_time),
    INDEX ix_runs_status (status, nominal_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE run_artifacts (
    run_id      UUID          NOT NULL,
    format      VARCHAR(10)   NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    chunks      INT           NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (run_id, format),
    INDEX ix_run_artifacts_created (created_at),
    CONSTRAINT fk_run_artifacts_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Artifacts live in the database so that every instance of a cluster can attach and serve them; chunks keep
-- each statement far below max_allowed_packet.
CREATE TABLE run_artifact_chunks (
    run_id  UUID         NOT NULL,
    format  VARCHAR(10)  NOT NULL,
    seq     INT          NOT NULL,
    data    MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (run_id, format, seq),
    CONSTRAINT fk_run_artifact_chunks_artifact FOREIGN KEY (run_id, format)
        REFERENCES run_artifacts (run_id, format) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE deliveries (
    run_id      UUID           NOT NULL,
    email       VARCHAR(254)   NOT NULL,
    name        VARCHAR(200)   NULL,
    status      VARCHAR(20)    NOT NULL,
    attempts    INT            NOT NULL DEFAULT 0,
    sent_at     DATETIME(6)    NULL,
    message_id  VARCHAR(300)   NULL,
    error       VARCHAR(1000)  NULL,
    retryable   BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6)    NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (run_id, email),
    INDEX ix_deliveries_email (email),
    INDEX ix_deliveries_sent (sent_at),
    CONSTRAINT fk_deliveries_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE,
    CONSTRAINT ck_deliveries_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE deliveries; DROP TABLE run_artifact_chunks; DROP TABLE run_artifacts; DROP TABLE runs;
