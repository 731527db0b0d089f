package dev.s3aas.node.storage;

/**
 * One piece of stored data the scrubber found damaged or missing. An object version names its bucket, key and
 * version; a part of an unfinished multipart upload names its upload and part number instead.
 */
public record ScrubFinding(String bucket, String key, String versionId, String uploadId, Integer partNumber,
                           String blob, String reason) {
    /** This place, naming the damaged blob and what is wrong with it. */
    ScrubFinding damaged(String blobId, String why) {
        return new ScrubFinding(bucket, key, versionId, uploadId, partNumber, blobId, why);
    }
}
