package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads the stored bytes of a blob file that has a CRC trailer ({@link BlockChecksums}), checking each block
 * against its stored CRC32C before any of it is handed on: a damaged block is never sent. A range reads whole
 * blocks and passes on only the bytes asked for.
 */
final class VerifyingReader {
    private static final int OWN_BUFFER = 256 * 1024;

    private VerifyingReader() {}

    /**
     * Streams stored bytes {@code [from, from + n)} to {@code sink} (null: only check them).
     *
     * @param buf a buffer to read through, used up to a whole number of blocks; allocated here if null or smaller
     *        than one block
     * @throws IntegrityException if a block does not match its CRC or the file is shorter than its record says
     */
    static void read(FileChannel ch, long storedLength, int shift, long from, long n, ByteBuffer buf,
                     ObjectData.Sink sink) throws IOException {
        if (n <= 0) {
            return;
        }
        int block = 1 << shift;
        long end = from + n;
        long first = from >>> shift;
        long last = (end - 1) >>> shift;
        if (buf == null || buf.capacity() < block) {
            long span = (last - first + 1) << shift;
            buf = ByteBuffer.allocate((int) Math.max(block, Math.min(OWN_BUFFER, span)));
        }
        int perRead = buf.capacity() >>> shift;
        CRC32C crc = new CRC32C();
        for (long b = first; b <= last; b += perRead) {
            int count = (int) Math.min(perRead, last - b + 1);
            int[] stored = BlockChecksums.read(ch, storedLength, b, count);
            long pos = b << shift;
            int len = (int) Math.min((long) count << shift, storedLength - pos);
            buf.clear().limit(len);
            while (buf.hasRemaining()) {
                if (ch.read(buf, pos + buf.position()) < 0) {
                    throw new IntegrityException("blob file is shorter than its metadata says");
                }
            }
            for (int i = 0; i < count; i++) {
                int start = i << shift;
                crc.reset();
                crc.update(buf.slice(start, Math.min(block, len - start)));
                int computed = (int) crc.getValue();
                if (computed != stored[i]) {
                    throw new IntegrityException(String.format("block %d failed its CRC32C (stored %08x, computed %08x)",
                            b + i, stored[i], computed));
                }
            }
            if (sink != null) {
                buf.limit((int) Math.min(len, end - pos)).position((int) Math.max(0, from - pos));
                sink.write(buf);
            }
        }
    }
}
