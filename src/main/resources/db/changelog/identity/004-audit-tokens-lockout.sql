--liquibase formatted sql

--changeset herald:identity-004-audit
CREATE TABLE audit_events (
    id            UUID          NOT NULL PRIMARY KEY,
    occurred_at   DATETIME(6)   NOT NULL,
    actor_id      UUID          NULL,
    actor_email   VARCHAR(254)  NULL,
    action        VARCHAR(60)   NOT NULL,
    target_type   VARCHAR(40)   NULL,
    target_id     VARCHAR(64)   NULL,
    target_label  VARCHAR(300)  NULL,
    team_id       UUID          NULL,
    diff          TEXT          NULL,
    ip            VARCHAR(64)   NULL,
    request_id    VARCHAR(64)   NULL,
    INDEX ix_audit_occurred (occurred_at),
    INDEX ix_audit_team_occurred (team_id, occurred_at),
    INDEX ix_audit_actor (actor_id, occurred_at),
    INDEX ix_audit_action (action, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE audit_events;

--changeset herald:identity-004-tokens
CREATE TABLE user_tokens (
    id          UUID         NOT NULL PRIMARY KEY,
    user_id     UUID         NOT NULL,
    purpose     VARCHAR(20)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT uk_user_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_user_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE user_tokens;
