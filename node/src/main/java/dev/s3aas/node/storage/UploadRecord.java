package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.time.Instant;

/** Persisted multipart upload (value in the {@code uploads} column family). */
record UploadRecord(
        @JsonProperty("f") int format,
        @JsonProperty("u") String uploadId,
        @JsonProperty("k") String key,
        @JsonProperty("t") long initiatedMillis,
        @JsonProperty("m") ObjectMetadata metadata,
        @JsonProperty("a") ChecksumAlgorithm checksumAlgorithm,
        @JsonProperty("o") boolean fullObjectChecksum,
        @JsonProperty("sk") String sealedKey) {

    static final int FORMAT = 1;

    MultipartUpload toUpload(String bucket) {
        return new MultipartUpload(bucket, key, uploadId, Instant.ofEpochMilli(initiatedMillis), metadata,
                checksumAlgorithm, fullObjectChecksum, sealedKey != null,
                CustomerKeys.isCustomerKey(sealedKey), KmsKeyRing.isKmsSlot(sealedKey) ? KmsKeyRing.keyIdOf(sealedKey) : null);
    }
}
