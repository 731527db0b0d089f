package dev.s3aas.node.storage;

/**
 * Server-side encryption with keys the node manages, as a write asks for it or a bucket sets it by default:
 * SSE-S3 (the node's master key seals a per-object data key) or SSE-KMS (a key of the node's
 * {@link KmsKeyRing} wraps it). SSE-C keys travel separately, since they are never stored.
 *
 * @param kmsKeyId the key-ring key for SSE_KMS (null: the bucket's default KMS key), always null for SSE_S3
 */
public record SseRequest(Kind kind, String kmsKeyId) {
    public enum Kind { SSE_S3, SSE_KMS }

    public static final SseRequest SSE_S3 = new SseRequest(Kind.SSE_S3, null);

    public SseRequest {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SSE_S3 && kmsKeyId != null) {
            throw new IllegalArgumentException("a KMS key id goes with SSE_KMS only");
        }
    }

    public static SseRequest kms(String keyId) {
        return new SseRequest(Kind.SSE_KMS, keyId);
    }
}
