--liquibase formatted sql

--changeset herald:delivery-001-outbox
CREATE TABLE outbox_messages (
    id            UUID          NOT NULL PRIMARY KEY,
    created_at    DATETIME(6)   NOT NULL,
    message_id    VARCHAR(255)  NULL,
    from_address  VARCHAR(320)  NULL,
    to_addresses  VARCHAR(2000) NOT NULL,
    subject       VARCHAR(998)  NULL,
    size_bytes    INT           NOT NULL,
    raw_message   LONGBLOB      NOT NULL,
    INDEX ix_outbox_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE outbox_messages;
