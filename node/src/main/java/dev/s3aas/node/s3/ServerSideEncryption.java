package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.SseRequest;

/**
 * The server-side encryption a write asks for ({@code x-amz-server-side-encryption}): "AES256" (SSE-S3, keys
 * managed by the node) or "aws:kms" with {@code x-amz-server-side-encryption-aws-kms-key-id} naming a key of the
 * node's key ring (its id, or an ARN ending in {@code key/<id>}); without a key id the bucket's default KMS key
 * applies, and without one the request is refused: there is no AWS-managed {@code aws/s3} key here. The
 * bucket-key header is accepted (S3 Bucket Keys only cut KMS request costs; every object here has its own data
 * key); an encryption context and DSSE-KMS are refused. SSE-C keys come in their own headers
 * ({@link SseCustomerKey}).
 */
final class ServerSideEncryption {
    static final String AES256 = "AES256";
    static final String KMS = "aws:kms";
    static final String KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";

    private ServerSideEncryption() {}

    static SseRequest requested(S3Exchange ex) throws S3Exception {
        String v = ex.header("x-amz-server-side-encryption");
        if (v == null) {
            if (ex.header(KEY_ID) != null) {
                throw new S3Exception(S3ErrorCode.InvalidArgument,
                        KEY_ID + " is only valid with x-amz-server-side-encryption: aws:kms");
            }
            return null;
        }
        if (ex.header("x-amz-server-side-encryption-customer-algorithm") != null) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Server Side Encryption with Customer provided key is "
                    + "incompatible with the encryption method specified");
        }
        if (v.equals(AES256)) {
            return SseRequest.SSE_S3;
        }
        if (v.equals(KMS)) {
            if (ex.header("x-amz-server-side-encryption-context") != null) {
                throw new S3Exception(S3ErrorCode.NotImplemented, "SSE-KMS encryption contexts are not supported.");
            }
            // Without a key id: the bucket's default KMS key (storage resolves it, or refuses).
            return SseRequest.kms(keyId(ex.header(KEY_ID)));
        }
        if (v.startsWith(KMS)) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "Server Side Encryption " + v + " is not supported.");
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "Server Side Encryption with algorithm " + v
                + " is not valid.");
    }

    /** A key id as given, or the id at the end of a key ARN ({@code arn:aws:kms:…:key/<id>}). */
    static String keyId(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String v = given.trim();
        int slash = v.startsWith("arn:") ? v.lastIndexOf("key/") : -1;
        return slash >= 0 ? v.substring(slash + 4) : v;
    }

    /** The encryption headers of a response about data stored SSE-S3, SSE-KMS, SSE-C (key given as {@code c}). */
    static void toResponse(S3Exchange ex, ObjectInfo info, SseCustomerKey c) {
        toResponse(ex, info.encrypted(), info.kmsKeyId(), c);
    }

    static void toResponse(S3Exchange ex, boolean encrypted, String kmsKeyId, SseCustomerKey c) {
        if (c != null) {
            c.toResponse(ex);
        } else if (kmsKeyId != null) {
            ex.setHeader("x-amz-server-side-encryption", KMS);
            ex.setHeader(KEY_ID, kmsKeyId);
        } else if (encrypted) {
            ex.setHeader("x-amz-server-side-encryption", AES256);
        }
    }
}
