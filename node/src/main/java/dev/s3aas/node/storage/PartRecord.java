package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Persisted uploaded part (value in the {@code parts} column family); its data is blob {@code blobId}, with a CRC
 * trailer when {@code blockCrcShift} is set (0 in records written before those existed, {@link Extent}).
 */
record PartRecord(
        @JsonProperty("f") int format,
        @JsonProperty("n") int partNumber,
        @JsonProperty("s") long size,
        @JsonProperty("e") String etag,
        @JsonProperty("t") long lastModifiedMillis,
        @JsonProperty("b") String blobId,
        @JsonProperty("c") String checksum,
        @JsonProperty("z") String salt,
        @JsonProperty("q") int blockCrcShift) {

    static final int FORMAT = 1;

    PartInfo toInfo() {
        return new PartInfo(partNumber, size, etag, Instant.ofEpochMilli(lastModifiedMillis), checksum);
    }
}
