--liquibase formatted sql

--changeset herald:identity-001-users
CREATE TABLE users (
    id              UUID         NOT NULL PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(200) NULL,
    system_admin    BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    time_zone       VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    locale          VARCHAR(16)  NOT NULL DEFAULT 'en',
    last_login_at   DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE users;

--changeset herald:identity-001-api-keys
CREATE TABLE api_keys (
    id            UUID         NOT NULL PRIMARY KEY,
    user_id       UUID         NOT NULL,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,
    secret_hash   CHAR(64)     NOT NULL,
    scopes        VARCHAR(50)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NULL,
    revoked_at    DATETIME(6)  NULL,
    CONSTRAINT uk_api_keys_secret_hash UNIQUE (secret_hash),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE api_keys;
