--liquibase formatted sql

--changeset herald:delivery-002-unsubscribes
CREATE TABLE unsubscribes (
    schedule_id   UUID          NOT NULL,
    email         VARCHAR(254)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (schedule_id, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE unsubscribes;

--changeset herald:delivery-002-link-signing-key
-- The HMAC key of signed links when HERALD_SECRET_KEY is not set: generated once by the first instance
-- (INSERT IGNORE on the primary key), then read by every instance, so all of them sign alike.
CREATE TABLE link_signing_keys (
    name          VARCHAR(32)   NOT NULL PRIMARY KEY,
    secret        VARCHAR(128)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE link_signing_keys;
