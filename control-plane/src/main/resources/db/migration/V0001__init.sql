-- Control-plane schema. Portable between SQLite and PostgreSQL: TEXT UUID ids, BIGINT epoch-millisecond
-- timestamps, BOOLEAN flags. Forward-only: change it with a new V000N__ file, never by editing this one.

CREATE TABLE projects (
    uuid        TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE iam_users (
    uuid          TEXT PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- One role per user and project.
CREATE TABLE role_bindings (
    uuid       TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES iam_users (uuid) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects (uuid) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (user_id, project_id)
);

-- Refresh tokens are opaque random strings; only their SHA-256 is stored.
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES iam_users (uuid) ON DELETE CASCADE,
    project_id TEXT,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- First response of a POST that carried an Idempotency-Key, replayed on a retry.
CREATE TABLE idempotency_keys (
    principal_id TEXT NOT NULL,
    idem_key     TEXT NOT NULL,
    method       TEXT NOT NULL,
    path         TEXT NOT NULL,
    status_code  INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (principal_id, idem_key)
);

CREATE TABLE versions (
    uuid        TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- The built-in node build shipped with this distribution.
INSERT INTO versions (uuid, name, description, status, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-000000000001', '0.0.1', 'Built-in s3aas node', 'ACTIVE', 0, 0);

CREATE TABLE instances (
    uuid                TEXT PRIMARY KEY,
    project_id          TEXT NOT NULL REFERENCES projects (uuid),
    name                TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    version_id          TEXT NOT NULL REFERENCES versions (uuid),
    bucket_name         TEXT,
    encryption          TEXT NOT NULL,
    versioning          BOOLEAN NOT NULL,
    mfa_delete          BOOLEAN NOT NULL,
    cpu                 INTEGER NOT NULL,
    ram                 INTEGER NOT NULL,
    disk_size           INTEGER NOT NULL,
    nodes_number        INTEGER NOT NULL,
    status              TEXT NOT NULL,
    status_reason       TEXT NOT NULL DEFAULT '',
    root_user           TEXT NOT NULL,
    root_secret         TEXT NOT NULL,
    generation          BIGINT NOT NULL,
    observed_generation BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    UNIQUE (project_id, name)
);

-- Nodes as the provisioner recorded them; pid lets a restarted control plane re-adopt a process.
CREATE TABLE nodes (
    uuid        TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    ip          TEXT NOT NULL,
    port        INTEGER NOT NULL,
    pid         BIGINT,
    data_dir    TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (instance_id, ordinal),
    UNIQUE (port)
);

CREATE TABLE buckets (
    uuid                   TEXT PRIMARY KEY,
    instance_id            TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    name                   TEXT NOT NULL,
    versioning_enabled     BOOLEAN NOT NULL,
    object_lock_enabled    BOOLEAN NOT NULL,
    quota_bytes            BIGINT NOT NULL,
    public_read            BOOLEAN NOT NULL,
    default_retention_mode TEXT,
    default_retention_days INTEGER,
    status                 TEXT NOT NULL,
    status_reason          TEXT NOT NULL DEFAULT '',
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    UNIQUE (instance_id, name)
);

CREATE TABLE s3_users (
    uuid        TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (instance_id, name)
);

CREATE TABLE policies (
    uuid          TEXT PRIMARY KEY,
    instance_id   TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    content       TEXT NOT NULL,
    status        TEXT NOT NULL,
    status_reason TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (instance_id, name)
);

CREATE TABLE user_policies (
    uuid        TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES s3_users (uuid) ON DELETE CASCADE,
    policy_id   TEXT NOT NULL REFERENCES policies (uuid) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (user_id, policy_id)
);

CREATE TABLE access_keys (
    uuid        TEXT PRIMARY KEY,
    instance_id TEXT NOT NULL REFERENCES instances (uuid) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES s3_users (uuid) ON DELETE CASCADE,
    access_key  TEXT NOT NULL UNIQUE,
    secret      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    expires_at  BIGINT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE INDEX idx_instances_project ON instances (project_id);
CREATE INDEX idx_buckets_instance ON buckets (instance_id);
CREATE INDEX idx_access_keys_user ON access_keys (user_id);
