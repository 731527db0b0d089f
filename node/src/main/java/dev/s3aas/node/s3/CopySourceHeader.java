package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CopySource;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;

/**
 * Parses {@code x-amz-copy-source} ("[/]bucket/key[?versionId=id]", URL-encoded) and builds the
 * {@code x-amz-copy-source-if-*} check. For copies both failed conditions answer 412: S3 documents that a
 * false If-None-Match or a true-but-unmodified If-Modified-Since make the copy fail with PreconditionFailed.
 */
final class CopySourceHeader {
    private CopySourceHeader() {}

    record Parsed(String bucket, String key, String versionId) {}

    static Parsed parse(String header) throws S3Exception {
        String v = header.trim();
        String versionId = null;
        int q = v.indexOf("?versionId=");
        if (q >= 0) {
            versionId = v.substring(q + "?versionId=".length());
            v = v.substring(0, q);
        }
        if (v.startsWith("/")) {
            v = v.substring(1);
        }
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Copy Source must mention the source bucket and key: "
                    + "sourcebucket/sourcekey");
        }
        String bucket = Addressing.decodePath(v.substring(0, slash));
        String key = Addressing.decodePath(v.substring(slash + 1));
        BucketName.parse(bucket);
        ObjectKey.parse(key);
        return new Parsed(bucket, key, versionId);
    }

    /** The source plus its preconditions, checked by storage on the pinned version. */
    static CopySource source(S3Exchange ex, Parsed parsed) throws S3Exception {
        String ifMatch = ex.header("x-amz-copy-source-if-match");
        String ifUnmodified = ex.header("x-amz-copy-source-if-unmodified-since");
        String ifNoneMatch = ex.header("x-amz-copy-source-if-none-match");
        String ifModified = ex.header("x-amz-copy-source-if-modified-since");
        return new CopySource(parsed.bucket(), parsed.key(), parsed.versionId(), source -> {
            if (Conditionals.evaluate(ifMatch, ifUnmodified, ifNoneMatch, ifModified, source)
                    != Conditionals.Outcome.PROCEED) {
                throw new StorageException(StorageError.PRECONDITION_FAILED,
                        "At least one of the pre-conditions you specified did not hold");
            }
        });
    }
}
