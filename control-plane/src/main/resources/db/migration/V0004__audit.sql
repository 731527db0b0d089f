-- The audit trail: one row per API mutation (POST/PUT/PATCH/DELETE), successful or not. Rows are only ever
-- inserted. No foreign keys: a record outlives the project, instance or user it names. created_at is the
-- record's time (epoch ms), uuid its id; together they order and page the list as every other list.
-- Never a body, a query string, a header, a token or a secret: see audit.AuditRecord.
CREATE TABLE audit_records (
    uuid        TEXT PRIMARY KEY,
    created_at  BIGINT NOT NULL,
    request_id  TEXT NOT NULL,
    actor       TEXT,
    actor_id    TEXT,
    token_id    TEXT,
    action      TEXT,
    method      TEXT NOT NULL,
    route       TEXT,
    path        TEXT NOT NULL,
    project_id  TEXT,
    instance_id TEXT,
    client      TEXT,
    status      INTEGER NOT NULL,
    duration_ms BIGINT NOT NULL,
    error_code  TEXT
);

CREATE INDEX idx_audit_time ON audit_records (created_at, uuid);
CREATE INDEX idx_audit_project ON audit_records (project_id, created_at);
CREATE INDEX idx_audit_instance ON audit_records (instance_id, created_at);
