package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Integrity checksums of blob files: a CRC32C of every 64 KiB block of the stored bytes (ciphertext when
 * encrypted), kept as a trailer of big-endian ints right after the data in the same file.
 *
 * <p>Why CRC32C: it is a CPU instruction behind {@link CRC32C} (~10 GB/s per core here), so computing it while a
 * body is written and checking it before each block is sent costs a few percent of a stream, where re-hashing the
 * ETag's MD5 on every read would cost ~700 MB/s of a core. It detects every burst error up to 32 bits and any
 * other corruption with probability 1 − 2⁻³² per block: the job is catching rot, not resisting an attacker (SSE
 * data is also AES-GCM authenticated).
 *
 * <p>Why 64 KiB blocks: a range read must read and check whole blocks, so smaller blocks waste less on small
 * ranges (at most two partial blocks, 128 KiB); the trailer is 4 bytes per block (0.006%, 320 KiB for a 5 GiB
 * blob, which the writer holds in memory until it finishes).
 *
 * <p>Why a trailer rather than the object record: the record is read on every GET, HEAD and listing entry and
 * should not grow with the object; the reader knows where the trailer starts (the stored length, from the record)
 * and reads only the ints of the blocks it touches. The extent records that its blob has a trailer
 * ({@link Extent#blockCrcShift()}); blobs written before this have none and are served unverified.
 */
final class BlockChecksums {
    static final int SHIFT = 16;
    static final int BLOCK = 1 << SHIFT;

    private BlockChecksums() {}

    /** Number of blocks of a blob of {@code storedLength} bytes written with blocks of {@code 1 << shift}. */
    static long blocks(long storedLength, int shift) {
        return (storedLength + (1L << shift) - 1) >>> shift;
    }

    /** The CRC32C of a whole value (inline objects, whose record carries it). */
    static int of(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data, 0, data.length);
        return (int) c.getValue();
    }

    /** Reads the stored CRCs of blocks {@code [first, first + count)}. */
    static int[] read(FileChannel ch, long storedLength, long first, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count * 4);
        long pos = storedLength + first * 4;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new IntegrityException("checksum trailer is truncated");
            }
        }
        b.flip();
        int[] crcs = new int[count];
        b.asIntBuffer().get(crcs);
        return crcs;
    }

    /** Accumulates block CRCs of bytes as they are written, in order. */
    static final class Builder {
        private final CRC32C current = new CRC32C();
        private int fill;
        private int[] crcs = new int[16];
        private int count;

        /** Takes in the buffer's remaining bytes without consuming them. */
        void update(ByteBuffer data) {
            int pos = data.position();
            int end = data.limit();
            while (pos < end) {
                int n = Math.min(BLOCK - fill, end - pos);
                current.update(data.slice(pos, n));
                pos += n;
                fill += n;
                if (fill == BLOCK) {
                    push();
                }
            }
        }

        private void push() {
            if (count == crcs.length) {
                crcs = Arrays.copyOf(crcs, count * 2);
            }
            crcs[count++] = (int) current.getValue();
            current.reset();
            fill = 0;
        }

        /** The trailer to append after the last data byte. */
        ByteBuffer trailer() {
            if (fill > 0) {
                push();
            }
            ByteBuffer b = ByteBuffer.allocate(count * 4);
            b.asIntBuffer().put(crcs, 0, count);
            return b;
        }
    }
}
