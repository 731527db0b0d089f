package dev.s3aas.node.storage;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.common.checksum.ChecksumDigest;
import dev.s3aas.common.checksum.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Takes in the bytes of new object data — an upload body or a copy source — into memory (small objects,
 * stored inline) or a blob file, computing the MD5 (the ETag) and the optional additional checksum over the
 * plaintext, and encrypting (SSE-S3) when asked. Memory stays bounded: one buffer (or the inline threshold)
 * per upload, whatever the size.
 */
final class DataSink {
    static final int INLINE_MAX = 128 * 1024;
    private static final long PIPELINE_MIN = 512 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What was received: inline bytes (encrypted if {@code salt} is set) or a durable blob in tmp/, plus the
     * digests of the plaintext.
     */
    record Received(byte[] inline, String blobId, long size, byte[] md5, String checksum, String salt,
                    int blockCrcShift) {
        String etag() {
            return HexFormat.of().formatHex(md5);
        }

        /** Inline bytes carry their CRC32C in the extent; a blob file carries block CRCs in its trailer. */
        Extent extent() {
            return inline != null
                    ? new Extent(BlobIds.newId(), size, true, null, null, salt, 0, BlockChecksums.of(inline))
                    : new Extent(blobId, size, false, null, null, salt, blockCrcShift, null);
        }
    }

    private DataSink() {}

    /**
     * @param expectedLength exact length, or -1 if unknown
     * @param maxLength largest acceptable size (S3: 5 GiB for PutObject and UploadPart)
     * @param dataKey the object's data key when the data is to be stored encrypted, else null
     */
    static Received receive(BlobStore blobs, InputStream body, long expectedLength, long maxLength,
                            ChecksumAlgorithm algorithm, byte[] dataKey) throws IOException, StorageException {
        if (expectedLength < 0 || expectedLength > INLINE_MAX) {
            return receiveToFile(blobs, body, expectedLength, maxLength, algorithm, dataKey);
        }
        byte[] data = body.readNBytes((int) expectedLength);
        if (data.length != expectedLength) {
            throw incompleteBody();
        }
        if (body.read() != -1) {
            throw new StorageException(StorageError.INVALID_REQUEST, "The request body is longer than its declared length.");
        }
        Digesting d = new Digesting(algorithm);
        d.update(ByteBuffer.wrap(data));
        return inline(data, d, dataKey);
    }

    private static StorageException incompleteBody() {
        return new StorageException(StorageError.INCOMPLETE_BODY,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    }

    /**
     * Streams the body into a new blob in tmp/ and makes it durable (parts are always files). Bodies over
     * {@link #PIPELINE_MIN} are digested on a second thread while this one receives and writes.
     */
    static Received receiveToFile(BlobStore blobs, InputStream body, long expectedLength, long maxLength,
                                  ChecksumAlgorithm algorithm, byte[] dataKey) throws IOException, StorageException {
        Digesting d = new Digesting(algorithm);
        boolean pipelined = expectedLength < 0 || expectedLength > PIPELINE_MIN;
        try (BlobStore.Writer w = blobs.create();
             HashPipeline hashes = pipelined ? new HashPipeline(4, d::update) : null) {
            Output out = new Output(w::write, dataKey);
            byte[] single = pipelined ? null : BufferPool.take();
            long total = 0;
            while (true) {
                byte[] buf = pipelined ? hashes.buffer() : single;
                int n = body.readNBytes(buf, 0, buf.length);
                if (n <= 0) {
                    if (pipelined) {
                        hashes.giveBack(buf);
                    }
                    break;
                }
                total += n;
                if (total > maxLength) {
                    throw new StorageException(StorageError.ENTITY_TOO_LARGE,
                            "Your proposed upload exceeds the maximum allowed object size.");
                }
                if (expectedLength >= 0 && total > expectedLength) {
                    // Stop at the first byte past the declared length instead of filling the disk first.
                    throw new StorageException(StorageError.INVALID_REQUEST,
                            "The request body is longer than its declared length.");
                }
                if (pipelined) {
                    hashes.hash(buf, n);
                } else {
                    d.update(ByteBuffer.wrap(buf, 0, n));
                }
                out.write(ByteBuffer.wrap(buf, 0, n));
            }
            if (expectedLength >= 0 && total != expectedLength) {
                throw incompleteBody();
            }
            out.finish();
            if (pipelined) {
                hashes.finish();
            } else {
                BufferPool.give(single);
            }
            w.finish();
            return new Received(null, w.id(), total, d.md5(), d.checksum(), out.salt(), BlockChecksums.SHIFT);
        }
    }

    /**
     * Copies {@code [offset, offset+length)} of an opened object into new data (inline if small and allowed),
     * for CopyObject and UploadPartCopy. The source decrypts itself; the copy is encrypted if {@code dataKey}.
     */
    static Received copy(BlobStore blobs, ObjectData source, long offset, long length, boolean allowInline,
                         ChecksumAlgorithm algorithm, byte[] dataKey) throws IOException {
        Digesting d = new Digesting(algorithm);
        if (allowInline && length <= INLINE_MAX) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream((int) length);
            source.transferTo(offset, length, buf -> {
                d.update(buf.duplicate());
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                plain.write(b, 0, b.length);
            });
            return inline(plain.toByteArray(), d, dataKey);
        }
        try (BlobStore.Writer w = blobs.create()) {
            Output out = new Output(w::write, dataKey);
            source.transferTo(offset, length, buf -> {
                d.update(buf.duplicate());
                out.write(buf);
            });
            out.finish();
            w.finish();
            return new Received(null, w.id(), length, d.md5(), d.checksum(), out.salt(), BlockChecksums.SHIFT);
        }
    }

    private static Received inline(byte[] plain, Digesting d, byte[] dataKey) throws IOException {
        if (dataKey == null) {
            return new Received(plain, null, plain.length, d.md5(), d.checksum(), null, 0);
        }
        ByteArrayOutputStream sealed = new ByteArrayOutputStream((int) PackageCipher.encryptedLength(plain.length));
        Output out = new Output(buf -> {
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            sealed.write(b, 0, b.length);
        }, dataKey);
        out.write(ByteBuffer.wrap(plain));
        out.finish();
        return new Received(sealed.toByteArray(), null, plain.length, d.md5(), d.checksum(), out.salt(), 0);
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

    /** MD5 plus the optional checksum, over plaintext. */
    private static final class Digesting {
        private final MessageDigest md5 = Digests.md5();
        private final ChecksumDigest checksum;

        Digesting(ChecksumAlgorithm algorithm) {
            this.checksum = algorithm == null ? null : algorithm.newDigest();
        }

        void update(ByteBuffer b) {
            if (checksum != null) {
                checksum.update(b.duplicate());
            }
            md5.update(b);
        }

        byte[] md5() {
            return md5.digest();
        }

        String checksum() {
            return checksum == null ? null : Base64.getEncoder().encodeToString(checksum.finish());
        }
    }

    /** Where plaintext goes: straight to the sink, or through a {@link PackageCipher} with a fresh salt. */
    private static final class Output {
        private final ObjectData.Sink sink;
        private final PackageCipher.Encryptor encryptor;
        private final String salt;

        Output(ObjectData.Sink sink, byte[] dataKey) {
            this.sink = sink;
            if (dataKey == null) {
                this.encryptor = null;
                this.salt = null;
            } else {
                byte[] s = new byte[16];
                RANDOM.nextBytes(s);
                this.salt = Base64.getEncoder().encodeToString(s);
                this.encryptor = new PackageCipher(dataKey, s).new Encryptor(sink);
            }
        }

        void write(ByteBuffer plain) throws IOException {
            if (encryptor == null) {
                sink.write(plain);
            } else {
                encryptor.write(plain);
            }
        }

        void finish() throws IOException {
            if (encryptor != null) {
                encryptor.finish();
            }
        }

        String salt() {
            return salt;
        }
    }
}
