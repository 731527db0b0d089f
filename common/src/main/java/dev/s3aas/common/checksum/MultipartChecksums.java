package dev.s3aas.common.checksum;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Checksums of multipart objects ("Checking object integrity": "Using part-level checksums for
 * multipart uploads", AWS S3 User Guide). Two types exist:
 * <ul>
 *   <li>COMPOSITE: the checksum of the concatenated raw part checksums, rendered
 *       {@code base64(checksum)-N} with N the part count. Any algorithm.</li>
 *   <li>FULL_OBJECT: the checksum of the whole object, obtained for CRCs by combining the part
 *       CRCs with their lengths, without reading the data again.</li>
 * </ul>
 */
public final class MultipartChecksums {
    private MultipartChecksums() {
    }

    /** A part's raw checksum (not base64) and its length in bytes. */
    public record Part(byte[] checksum, long length) {
        public Part {
            Objects.requireNonNull(checksum, "checksum");
            if (length < 0) {
                throw new IllegalArgumentException("negative part length");
            }
            checksum = checksum.clone();
        }

        @Override
        public byte[] checksum() {
            return checksum.clone();
        }
    }

    /** The COMPOSITE checksum, e.g. {@code "Zp2rdw==-3"}. */
    public static String composite(ChecksumAlgorithm algorithm, List<byte[]> partChecksums) {
        if (partChecksums.isEmpty()) {
            throw new IllegalArgumentException("a multipart upload has at least one part");
        }
        ChecksumDigest digest = algorithm.newDigest();
        for (byte[] part : partChecksums) {
            if (part.length != algorithm.digestLength()) {
                throw new IllegalArgumentException("part checksum length " + part.length
                        + " does not match " + algorithm);
            }
            digest.update(part, 0, part.length);
        }
        return Base64.getEncoder().encodeToString(digest.finish()) + "-" + partChecksums.size();
    }

    /** The FULL_OBJECT checksum (raw bytes) of a CRC algorithm from the parts in order. */
    public static byte[] fullObject(ChecksumAlgorithm algorithm, List<Part> parts) {
        CrcCombine math = math(algorithm);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a multipart upload has at least one part");
        }
        long crc = 0;
        boolean first = true;
        for (Part part : parts) {
            long value = ChecksumDigests.fromBigEndian(checkLength(algorithm, part.checksum));
            crc = first ? value : math.combine(crc, value, part.length());
            first = false;
        }
        return ChecksumDigests.toBigEndian(crc, algorithm.digestLength());
    }

    /** crc(A || B) from crc(A), crc(B) (raw big-endian bytes) and the length of B. */
    public static byte[] combine(ChecksumAlgorithm algorithm, byte[] crcA, byte[] crcB,
            long lengthB) {
        CrcCombine math = math(algorithm);
        long a = ChecksumDigests.fromBigEndian(checkLength(algorithm, crcA));
        long b = ChecksumDigests.fromBigEndian(checkLength(algorithm, crcB));
        return ChecksumDigests.toBigEndian(math.combine(a, b, lengthB), algorithm.digestLength());
    }

    public static long combineCrc32(long crcA, long crcB, long lengthB) {
        return CrcCombine.CRC32.combine(crcA, crcB, lengthB);
    }

    public static long combineCrc32c(long crcA, long crcB, long lengthB) {
        return CrcCombine.CRC32C.combine(crcA, crcB, lengthB);
    }

    public static long combineCrc64Nvme(long crcA, long crcB, long lengthB) {
        return CrcCombine.CRC64NVME.combine(crcA, crcB, lengthB);
    }

    private static CrcCombine math(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> CrcCombine.CRC32;
            case CRC32C -> CrcCombine.CRC32C;
            case CRC64NVME -> CrcCombine.CRC64NVME;
            case SHA1, SHA256 -> throw new IllegalArgumentException(
                    algorithm + " cannot be combined: FULL_OBJECT needs a CRC");
        };
    }

    private static byte[] checkLength(ChecksumAlgorithm algorithm, byte[] checksum) {
        if (checksum.length != algorithm.digestLength()) {
            throw new IllegalArgumentException("checksum length " + checksum.length
                    + " does not match " + algorithm);
        }
        return checksum;
    }
}
