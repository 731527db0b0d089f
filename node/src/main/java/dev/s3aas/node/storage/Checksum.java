package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;

/**
 * An additional object checksum (x-amz-checksum-*): the algorithm, its base64 value, and whether it covers
 * the full object or is a composite of part checksums ("COMPOSITE", rendered with a "-N" suffix).
 */
public record Checksum(ChecksumAlgorithm algorithm, String value, boolean composite) {
    public Checksum {
        java.util.Objects.requireNonNull(algorithm, "algorithm");
        java.util.Objects.requireNonNull(value, "value");
    }

    public String type() {
        return composite ? "COMPOSITE" : "FULL_OBJECT";
    }
}
