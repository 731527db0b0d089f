package dev.s3aas.node.admin;

/**
 * The two spellings of the admin API. MinIO's admin clients encrypt bodies that carry secrets
 * ({@link MadminCrypto}); the RustFS paths take and return the same JSON documents in plain text, as RustFS
 * tooling sends them (e.g. {@code PUT /rustfs/admin/v3/add-user} with {@code {"secretKey":…,"status":…}}).
 */
enum AdminFlavor {
    MINIO("/minio/admin/v3/"),
    RUSTFS("/rustfs/admin/v3/");

    final String prefix;

    AdminFlavor(String prefix) {
        this.prefix = prefix;
    }

    /** The flavor whose prefix starts {@code path}; null when the path is not an admin path. */
    static AdminFlavor of(String path) {
        if (path == null) {
            return null;
        }
        for (AdminFlavor f : values()) {
            if (path.startsWith(f.prefix)) {
                return f;
            }
        }
        return null;
    }
}
