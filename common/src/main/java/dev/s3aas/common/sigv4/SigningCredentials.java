package dev.s3aas.common.sigv4;

import java.util.Objects;

/** An access key, its secret, and optionally a session token (temporary credentials). */
public record SigningCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isEmpty() || accessKeyId.indexOf('/') >= 0) {
            throw new IllegalArgumentException("access key id must be non-empty without '/'");
        }
    }

    public SigningCredentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "SigningCredentials[" + accessKeyId + ", secret hidden"
                + (sessionToken == null ? "" : ", with session token") + "]";
    }
}
