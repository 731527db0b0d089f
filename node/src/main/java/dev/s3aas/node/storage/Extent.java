package dev.s3aas.node.storage;

/**
 * A contiguous run of an object's bytes held by one blob: a file under {@code blobs/} or, when
 * {@code inline}, a value in the {@code inline} column family. Multipart objects have one extent per part,
 * carrying that part's ETag and checksum (null for single-part objects). {@code length} counts plaintext
 * bytes; {@code salt} (base64) is set when the blob is encrypted ({@link PackageCipher}).
 */
record Extent(String blobId, long length, boolean inline, String etag, String checksum, String salt) {
    Extent {
        if (!BlobIds.isValid(blobId)) {
            throw new IllegalArgumentException("bad blob id");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative extent length");
        }
    }

    Extent(String blobId, long length, boolean inline) {
        this(blobId, length, inline, null, null, null);
    }

    Extent(String blobId, long length, boolean inline, String salt) {
        this(blobId, length, inline, null, null, salt);
    }
}
