package dev.s3aas.node.s3;

/**
 * The server-side encryption a write asks for ({@code x-amz-server-side-encryption}): "AES256" (SSE-S3, keys
 * managed by the node) is supported; SSE-KMS needs a KMS, which this server does not have — refused, never
 * silently stored in plaintext. SSE-C keys come in their own headers ({@link SseCustomerKey}).
 */
final class ServerSideEncryption {
    static final String AES256 = "AES256";

    private ServerSideEncryption() {}

    static String requested(S3Exchange ex) throws S3Exception {
        String v = ex.header("x-amz-server-side-encryption");
        if (v == null) {
            return null;
        }
        if (ex.header("x-amz-server-side-encryption-customer-algorithm") != null) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Server Side Encryption with Customer provided key is "
                    + "incompatible with the encryption method specified");
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

    /** The encryption headers of a response about data stored SSE-S3, SSE-C (key given as {@code c}) or plain. */
    static void toResponse(S3Exchange ex, boolean encrypted, SseCustomerKey c) {
        if (c != null) {
            c.toResponse(ex);
        } else {
            toResponse(ex, encrypted);
        }
    }
}
