package dev.s3aas.node.s3;

/**
 * The server-side encryption a write asks for ({@code x-amz-server-side-encryption}): "AES256" (SSE-S3, keys
 * managed by the node) is supported; SSE-KMS and SSE-C need a KMS or TLS-delivered customer keys, which this
 * server does not have — they are refused, never silently stored in plaintext.
 */
final class ServerSideEncryption {
    static final String AES256 = "AES256";

    private ServerSideEncryption() {}

    static String requested(S3Exchange ex) throws S3Exception {
        if (ex.header("x-amz-server-side-encryption-customer-algorithm") != null) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "SSE-C (customer-provided keys) is not supported.");
        }
        String v = ex.header("x-amz-server-side-encryption");
        if (v == null) {
            return null;
        }
        if (v.equals(AES256)) {
            return AES256;
        }
        if (v.startsWith("aws:kms")) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "SSE-KMS is not supported; use AES256 (SSE-S3).");
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Server Side Encryption with algorithm " + v
                + " is not valid.");
    }

    static void toResponse(S3Exchange ex, boolean encrypted) {
        if (encrypted) {
            ex.setHeader("x-amz-server-side-encryption", AES256);
        }
    }
}
