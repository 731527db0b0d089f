package dev.s3aas.node.auth;

/**
 * The node's root access key and secret. MinIO's limits apply so the same values work with its tools:
 * access key ≥ 3 characters, secret ≥ 8.
 */
public record RootCredentials(String accessKeyId, String secretKey) {
    public RootCredentials {
        if (accessKeyId == null || accessKeyId.length() < 3 || accessKeyId.length() > 128) {
            throw new IllegalArgumentException("root user must be 3 to 128 characters");
        }
        if (secretKey == null || secretKey.length() < 8 || secretKey.length() > 128) {
            throw new IllegalArgumentException("root password must be 8 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return "RootCredentials[" + accessKeyId + ", secret hidden]";
    }
}
