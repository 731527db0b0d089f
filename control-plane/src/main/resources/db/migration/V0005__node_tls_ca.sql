-- The control plane's CA for local nodes (S3AAS_NODE_TLS): one row, created on first use. The certificate is
-- public (PEM); the private key is PKCS#8 PEM sealed with the master key (SecretBox), like every other secret,
-- and never written to a plain file.
CREATE TABLE node_tls_ca (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    certificate        TEXT NOT NULL,
    private_key_sealed TEXT NOT NULL,
    created_at         BIGINT NOT NULL
);

-- Whether the node was started serving HTTPS (with a certificate of that CA): its endpoint is then https://.
ALTER TABLE nodes ADD COLUMN tls BOOLEAN NOT NULL DEFAULT FALSE;
