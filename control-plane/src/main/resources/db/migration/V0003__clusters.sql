-- Registered distributed engines (Ceph: RADOS + RGW gateways) that instances may run on.
-- gateways, gateway_health and capabilities are JSON text; ceph_health is the mgr's verdict
-- ("HEALTH_WARN: OSD_DOWN"), '' without a Prometheus endpoint; admin_secret is sealed with the master key.
CREATE TABLE clusters (
    uuid             TEXT PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    engine           TEXT NOT NULL,
    gateways         TEXT NOT NULL,
    admin_access_key TEXT NOT NULL,
    admin_secret     TEXT NOT NULL,
    prometheus_url   TEXT,
    description      TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL,
    status_reason    TEXT NOT NULL DEFAULT '',
    gateway_health   TEXT NOT NULL DEFAULT '[]',
    ceph_health      TEXT NOT NULL DEFAULT '',
    capabilities     TEXT NOT NULL DEFAULT '{}',
    probed_at        BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

-- The cluster an instance runs on; NULL = the embedded engine (local nodes). Set at creation, never changed.
-- A cluster cannot be deleted while an instance references it.
ALTER TABLE instances ADD COLUMN cluster_id TEXT REFERENCES clusters (uuid);
