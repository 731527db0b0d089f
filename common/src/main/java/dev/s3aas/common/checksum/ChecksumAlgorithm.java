package dev.s3aas.common.checksum;

import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The additional checksum algorithms of S3 ("Checking object integrity", AWS S3 User Guide):
 * request header {@code x-amz-checksum-<name>}, XML element {@code Checksum<NAME>}, and the value
 * of {@code x-amz-checksum-algorithm} / {@code x-amz-sdk-checksum-algorithm}.
 */
public enum ChecksumAlgorithm {
    CRC32("x-amz-checksum-crc32", "ChecksumCRC32", 4),
    CRC32C("x-amz-checksum-crc32c", "ChecksumCRC32C", 4),
    SHA1("x-amz-checksum-sha1", "ChecksumSHA1", 20),
    SHA256("x-amz-checksum-sha256", "ChecksumSHA256", 32),
    CRC64NVME("x-amz-checksum-crc64nvme", "ChecksumCRC64NVME", 8);

    private final String headerName;
    private final String xmlElement;
    private final int digestLength;

    ChecksumAlgorithm(String headerName, String xmlElement, int digestLength) {
        this.headerName = headerName;
        this.xmlElement = xmlElement;
        this.digestLength = digestLength;
    }

    /** Lower-case header (and trailer) name, e.g. {@code x-amz-checksum-crc32c}. */
    public String headerName() {
        return headerName;
    }

    /** Element name in XML bodies (CompleteMultipartUpload, GetObjectAttributes...). */
    public String xmlElement() {
        return xmlElement;
    }

    /** Length in bytes of the raw checksum (before base64). */
    public int digestLength() {
        return digestLength;
    }

    /**
     * True for the CRCs, the only algorithms S3 supports with the FULL_OBJECT checksum type of
     * multipart uploads (their part checksums can be combined without the data).
     */
    public boolean isCrc() {
        return this != SHA1 && this != SHA256;
    }

    public ChecksumDigest newDigest() {
        return switch (this) {
            case CRC32 -> new ChecksumDigests.Crc(this, new CRC32(), 4);
            case CRC32C -> new ChecksumDigests.Crc(this, new CRC32C(), 4);
            case CRC64NVME -> new ChecksumDigests.Crc(this, new Crc64Nvme(), 8);
            case SHA1 -> new ChecksumDigests.Message(this, Digests.sha1());
            case SHA256 -> new ChecksumDigests.Message(this, Digests.sha256());
        };
    }

    /** Parses an algorithm name as sent by SDKs ("CRC32", "crc64nvme"...), case-insensitively. */
    public static Optional<ChecksumAlgorithm> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose header (or trailer) name this is, case-insensitively. */
    public static Optional<ChecksumAlgorithm> fromHeaderName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.headerName.equalsIgnoreCase(name.trim())) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
