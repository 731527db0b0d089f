package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.time.Instant;

/**
 * An initiated, not yet completed or aborted multipart upload.
 *
 * @param checksumAlgorithm the additional checksum every part carries, or null
 * @param fullObjectChecksum true for checksum type FULL_OBJECT (CRC algorithms combine part CRCs into the CRC
 *        of the whole object); false for COMPOSITE (a checksum of the part checksums, "-N" suffix)
 * @param encrypted parts (and the object) are stored encrypted (SSE-S3 or SSE-C)
 * @param customerKey with SSE-C: every part must be uploaded with the same customer key
 * @param kmsKeyId with SSE-KMS: the key-ring key, else null
 */
public record MultipartUpload(String bucket, String key, String uploadId, Instant initiated, ObjectMetadata metadata,
                              ChecksumAlgorithm checksumAlgorithm, boolean fullObjectChecksum, boolean encrypted,
                              boolean customerKey, String kmsKeyId) {}
