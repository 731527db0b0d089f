package dev.s3aas.node.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The Content-MD5 header (RFC 1864): base64 of the 16-byte MD5 of the body. */
final class ContentMd5 {
    private ContentMd5() {}

    /** Decodes the header; null when absent; InvalidDigest when not base64 of 16 bytes. */
    static byte[] parse(String header) throws S3Exception {
        if (header == null) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(header.trim());
            if (b.length == 16) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new S3Exception(S3ErrorCode.InvalidDigest);
    }

    static byte[] of(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
