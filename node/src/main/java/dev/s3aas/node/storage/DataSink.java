package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.common.checksum.ChecksumDigest;
import dev.s3aas.common.checksum.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads an upload body to EOF into either memory (small objects, stored inline) or a blob file, computing the
 * MD5 (the ETag) and the optional additional checksum on the way. Memory stays bounded: at most one buffer of
 * {@link #BUFFER} bytes, or the inline threshold, per upload.
 */
final class DataSink {
    static final int INLINE_MAX = 128 * 1024;
    static final long MAX_OBJECT_SIZE = 5L << 30;
    private static final int BUFFER = 256 * 1024;

    /** What was received: inline bytes or a durable (finished) blob in tmp/, plus digests. */
    record Received(byte[] inline, String blobId, long size, byte[] md5, String checksum) {
        String etag() {
            return HexFormat.of().formatHex(md5);
        }
    }

    private DataSink() {}

    /**
     * @param expectedLength exact length, or -1 if unknown
     * @param maxLength largest acceptable size (S3: 5 GiB for PutObject and UploadPart)
     */
    static Received receive(BlobStore blobs, InputStream body, long expectedLength, long maxLength,
                            ChecksumAlgorithm algorithm) throws IOException, StorageException {
        if (expectedLength >= 0 && expectedLength <= INLINE_MAX) {
            MessageDigest md5 = Digests.md5();
            ChecksumDigest checksum = algorithm == null ? null : algorithm.newDigest();
            byte[] data = body.readNBytes((int) expectedLength);
            if (data.length != expectedLength) {
                throw new StorageException(StorageError.INCOMPLETE_BODY,
                        "You did not provide the number of bytes specified by the Content-Length HTTP header.");
            }
            if (body.read() != -1) {
                throw new StorageException(StorageError.INVALID_REQUEST, "The request body is longer than its declared length.");
            }
            md5.update(data);
            if (checksum != null) {
                checksum.update(data, 0, data.length);
            }
            return new Received(data, null, data.length, md5.digest(), checksum == null ? null : encode(checksum));
        }
        return receiveToFile(blobs, body, expectedLength, maxLength, algorithm);
    }

    /** Streams the body into a new blob in tmp/ and makes it durable (parts are always files). */
    static Received receiveToFile(BlobStore blobs, InputStream body, long expectedLength, long maxLength,
                                  ChecksumAlgorithm algorithm) throws IOException, StorageException {
        MessageDigest md5 = Digests.md5();
        ChecksumDigest checksum = algorithm == null ? null : algorithm.newDigest();
        try (BlobStore.Writer w = blobs.create()) {
            byte[] buf = new byte[BUFFER];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            long total = 0;
            int n;
            while ((n = body.readNBytes(buf, 0, buf.length)) > 0) {
                total += n;
                if (total > maxLength) {
                    throw new StorageException(StorageError.ENTITY_TOO_LARGE,
                            "Your proposed upload exceeds the maximum allowed object size.");
                }
                md5.update(buf, 0, n);
                if (checksum != null) {
                    checksum.update(buf, 0, n);
                }
                bb.clear().limit(n);
                w.write(bb);
            }
            if (expectedLength >= 0 && total != expectedLength) {
                throw new StorageException(StorageError.INCOMPLETE_BODY,
                        "You did not provide the number of bytes specified by the Content-Length HTTP header.");
            }
            w.finish();
            return new Received(null, w.id(), total, md5.digest(), checksum == null ? null : encode(checksum));
        }
    }

    /**
     * Copies {@code [offset, offset+length)} of an opened object into new data (inline if small), computing
     * MD5 and the optional checksum: CopyObject and UploadPartCopy. Streams; memory stays bounded.
     */
    static Received copy(BlobStore blobs, ObjectData source, long offset, long length, boolean allowInline,
                         ChecksumAlgorithm algorithm) throws IOException {
        MessageDigest md5 = Digests.md5();
        ChecksumDigest checksum = algorithm == null ? null : algorithm.newDigest();
        if (allowInline && length <= INLINE_MAX) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) length);
            source.transferTo(offset, length, buf -> {
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                md5.update(b);
                if (checksum != null) {
                    checksum.update(b, 0, b.length);
                }
                out.write(b, 0, b.length);
            });
            byte[] data = out.toByteArray();
            return new Received(data, null, data.length, md5.digest(), checksum == null ? null : encode(checksum));
        }
        try (BlobStore.Writer w = blobs.create()) {
            source.transferTo(offset, length, buf -> {
                ByteBuffer forDigest = buf.duplicate();
                md5.update(forDigest);
                if (checksum != null) {
                    checksum.update(buf.duplicate());
                }
                w.write(buf);
            });
            w.finish();
            return new Received(null, w.id(), length, md5.digest(), checksum == null ? null : encode(checksum));
        }
    }

    /** Content-MD5 and the additional checksum the client sent must match what was received. */
    static void verify(byte[] contentMd5, ChecksumAlgorithm algorithm, String expectedChecksum, Received data)
            throws StorageException {
        if (contentMd5 != null && !MessageDigest.isEqual(contentMd5, data.md5())) {
            throw new StorageException(StorageError.BAD_DIGEST,
                    "The Content-MD5 you specified did not match what we received.");
        }
        if (algorithm != null && expectedChecksum != null && !expectedChecksum.equals(data.checksum())) {
            throw new StorageException(StorageError.BAD_DIGEST,
                    "The " + algorithm.name() + " you specified did not match the calculated checksum.");
        }
    }

    private static String encode(ChecksumDigest d) {
        return Base64.getEncoder().encodeToString(d.finish());
    }
}
