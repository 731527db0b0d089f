package dev.s3aas.node.storage;

/**
 * A contiguous run of an object's bytes held by one blob: a file under {@code blobs/} or, when
 * {@code inline}, a value in the {@code inline} column family. Multipart objects have one extent per part,
 * carrying that part's ETag and checksum (null for single-part objects). {@code length} counts plaintext
 * bytes; {@code salt} (base64) is set when the blob is encrypted ({@link PackageCipher}).
 *
 * @param blockCrcShift for a file: log2 of the block size of its CRC32C trailer ({@link BlockChecksums}), 0 if the
 *        file has none (written before integrity checksums existed: served unverified)
 * @param valueCrc for an inline value: the CRC32C of the stored bytes, null if not recorded
 */
record Extent(String blobId, long length, boolean inline, String etag, String checksum, String salt,
              int blockCrcShift, Integer valueCrc) {
    Extent {
        if (!BlobIds.isValid(blobId)) {
            throw new IllegalArgumentException("bad blob id");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative extent length");
        }
        if (blockCrcShift != 0 && (blockCrcShift < 12 || blockCrcShift > 30)) {
            throw new IllegalArgumentException("bad checksum block size");
        }
    }

    Extent(String blobId, long length, boolean inline) {
        this(blobId, length, inline, null, null, null, 0, null);
    }

    /** Bytes the blob holds before its trailer: the plaintext length, or the sealed length when encrypted. */
    long storedLength() {
        return salt == null ? length : PackageCipher.encryptedLength(length);
    }
}
