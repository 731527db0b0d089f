package dev.s3aas.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blob files written through {@link BlobStore.Writer} read back exactly, for any range and buffer, and only if intact. */
class VerifyingReaderTest {
    @TempDir
    Path dir;

    @Test
    void everyRangeReadsBackExactlyWithAnyBuffer() throws Exception {
        Random random = new Random(7);
        BlobStore blobs = new BlobStore(dir, StorageEvents.NONE);
        for (int size : new int[] {0, 1, BlockChecksums.BLOCK - 1, BlockChecksums.BLOCK, BlockChecksums.BLOCK + 1,
            5 * BlockChecksums.BLOCK + 333}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            String id = write(blobs, data, random);
            try (FileChannel ch = blobs.open(id)) {
                assertThat(ch.size()).isEqualTo(size + 4 * BlockChecksums.blocks(size, BlockChecksums.SHIFT));
                for (int i = 0; i < 40 && size > 0; i++) {
                    int from = random.nextInt(size);
                    int n = 1 + random.nextInt(size - from);
                    ByteBuffer buf = switch (i % 3) {
                        case 0 -> null;
                        case 1 -> ByteBuffer.allocate(1000); // smaller than a block: the reader takes its own
                        default -> ByteBuffer.allocateDirect(BlockChecksums.BLOCK * (1 + random.nextInt(3)) + 17);
                    };
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    VerifyingReader.read(ch, size, BlockChecksums.SHIFT, from, n, buf, b -> {
                        byte[] chunk = new byte[b.remaining()];
                        b.get(chunk);
                        out.write(chunk);
                    });
                    assertThat(out.toByteArray()).as("size %d range %d+%d", size, from, n)
                            .isEqualTo(java.util.Arrays.copyOfRange(data, from, from + n));
                }
            }
        }
    }

    @Test
    void aFlippedBitInDataOrTrailerIsCaughtAndNothingOfThatBlockIsPassedOn() throws Exception {
        BlobStore blobs = new BlobStore(dir, StorageEvents.NONE);
        int size = 3 * BlockChecksums.BLOCK;
        byte[] data = new byte[size];
        new Random(3).nextBytes(data);
        for (long at : new long[] {2L * BlockChecksums.BLOCK + 5, size + 4}) { // in block 2; in block 1's CRC
            String id = write(blobs, data, new Random(1));
            try (FileChannel w = FileChannel.open(blobs.blobPath(id), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                w.read(one, at);
                one.put(0, (byte) (one.get(0) ^ 1)).rewind();
                w.write(one, at);
            }
            long damagedBlock = at < size ? 2 : 1;
            try (FileChannel ch = blobs.open(id)) {
                long[] passed = {0};
                assertThatThrownBy(() -> VerifyingReader.read(ch, size, BlockChecksums.SHIFT, 0, size,
                        ByteBuffer.allocate(BlockChecksums.BLOCK), b -> passed[0] += b.remaining()))
                        .isInstanceOf(IntegrityException.class).hasMessageContaining("block " + damagedBlock);
                assertThat(passed[0]).isEqualTo(damagedBlock * BlockChecksums.BLOCK);
            }
        }
    }

    private static String write(BlobStore blobs, byte[] data, Random random) throws Exception {
        try (BlobStore.Writer w = blobs.create()) {
            int pos = 0;
            while (pos < data.length) {
                int n = Math.min(data.length - pos, 1 + random.nextInt(100_000));
                ByteBuffer b = random.nextBoolean() ? ByteBuffer.wrap(data, pos, n)
                        : ByteBuffer.allocateDirect(n).put(data, pos, n).flip();
                w.write(b);
                pos += n;
            }
            w.finish();
            blobs.publish(w.id());
            return w.id();
        }
    }
}
