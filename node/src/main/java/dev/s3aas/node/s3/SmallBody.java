package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.ChecksumDigest;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Reads a small request body (configuration documents, Delete, CompleteMultipartUpload) fully, bounded, and
 * verifies the Content-MD5 / x-amz-checksum-* the client sent with it.
 */
final class SmallBody {
    private SmallBody() {}

    static byte[] read(S3Exchange ex, int maxBytes) throws S3Exception, IOException {
        return read(ex, maxBytes, true);
    }

    /**
     * @param checksumCoversBody false where {@code x-amz-checksum-*} describes something else than this body
     *        (CompleteMultipartUpload: the checksum of the whole object)
     */
    static byte[] read(S3Exchange ex, int maxBytes, boolean checksumCoversBody) throws S3Exception, IOException {
        ChecksumSpec checksum = checksumCoversBody ? ChecksumSpec.fromRequest(ex) : ChecksumSpec.NONE;
        byte[] md5 = ContentMd5.parse(ex.header("Content-MD5"));
        byte[] body = ex.body().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded);
        }
        if (md5 != null && !MessageDigest.isEqual(md5, ContentMd5.of(body))) {
            throw new S3Exception(S3ErrorCode.BadDigest);
        }
        if (checksum.algorithm() != null) {
            String expected = checksum.expected().get();
            if (expected != null) {
                ChecksumDigest d = checksum.algorithm().newDigest();
                d.update(body, 0, body.length);
                if (!expected.equals(Base64.getEncoder().encodeToString(d.finish()))) {
                    throw new S3Exception(S3ErrorCode.BadDigest, "The " + checksum.algorithm().name()
                            + " you specified did not match the calculated checksum.");
                }
            }
        }
        return body;
    }
}
