package dev.s3aas.node.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted form of one object version (value in the {@code objects} column family). Field names are
 * short because one is stored per object; {@code f} is the format version for forward migrations.
 *
 * @param partsCount 0 for a single PUT; N for a multipart object (then extents are its N parts)
 * @param sealedKey the version's data key sealed by the node's SSE master key, when stored encrypted (SSE-S3),
 *        or the verifier of its customer key (SSE-C, see {@link CustomerKeys})
 */
record ObjectRecord(
        @JsonProperty("f") int format,
        @JsonProperty("v") String versionId,
        @JsonProperty("d") boolean deleteMarker,
        @JsonProperty("s") long size,
        @JsonProperty("e") String etag,
        @JsonProperty("t") long lastModifiedMillis,
        @JsonProperty("m") ObjectMetadata metadata,
        @JsonProperty("c") Checksum checksum,
        @JsonProperty("x") List<Extent> extents,
        @JsonProperty("p") int partsCount,
        @JsonProperty("k") String sealedKey) {

    static final int FORMAT = 1;

    ObjectRecord {
        extents = extents == null ? List.of() : List.copyOf(extents);
        metadata = metadata == null ? ObjectMetadata.EMPTY : metadata;
    }

    ObjectRecord withMetadata(ObjectMetadata m) {
        return new ObjectRecord(format, versionId, deleteMarker, size, etag, lastModifiedMillis, m, checksum, extents,
                partsCount, sealedKey);
    }

    ObjectRecord withVersionId(String id) {
        return new ObjectRecord(format, id, deleteMarker, size, etag, lastModifiedMillis, metadata, checksum, extents,
                partsCount, sealedKey);
    }

    /** A delete marker: a version with no data that hides the key. */
    static ObjectRecord deleteMarker(String versionId, long nowMillis) {
        return new ObjectRecord(FORMAT, versionId, true, 0, "", nowMillis, ObjectMetadata.EMPTY, null,
                List.of(), 0, null);
    }

    ObjectInfo toInfo(String bucket, String key) {
        List<Long> parts = List.of();
        if (partsCount > 0) {
            parts = new ArrayList<>(extents.size());
            for (Extent e : extents) {
                parts.add(e.length());
            }
        }
        return new ObjectInfo(bucket, key, versionId, deleteMarker, size, etag,
                Instant.ofEpochMilli(lastModifiedMillis), metadata, checksum, parts, sealedKey != null,
                CustomerKeys.isCustomerKey(sealedKey) ? sealedKey : null,
                KmsKeyRing.isKmsSlot(sealedKey) ? KmsKeyRing.keyIdOf(sealedKey) : null);
    }
}
