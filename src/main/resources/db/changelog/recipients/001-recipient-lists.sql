--liquibase formatted sql

--changeset herald:recipients-001-recipient-lists
CREATE TABLE recipient_lists (
    id           UUID          NOT NULL PRIMARY KEY,
    team_id      UUID          NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    description  VARCHAR(1000) NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_recipient_lists_team_name UNIQUE (team_id, name),
    INDEX ix_recipient_lists_name (name),
    CONSTRAINT fk_recipient_lists_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE recipient_list_members (
    list_id            UUID          NOT NULL,
    email              VARCHAR(254)  NOT NULL,
    name               VARCHAR(200)  NULL,
    status             VARCHAR(20)   NOT NULL DEFAULT 'ACTIVE',
    position           INT           NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    status_changed_at  DATETIME(6)   NULL,
    PRIMARY KEY (list_id, email),
    INDEX ix_recipient_list_members_email (email),
    CONSTRAINT fk_recipient_list_members_list FOREIGN KEY (list_id) REFERENCES recipient_lists (id) ON DELETE CASCADE,
    CONSTRAINT ck_recipient_list_members_status CHECK (status IN ('ACTIVE', 'UNSUBSCRIBED', 'BOUNCING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE recipient_list_members; DROP TABLE recipient_lists;
