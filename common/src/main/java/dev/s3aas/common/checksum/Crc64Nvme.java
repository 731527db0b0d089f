package dev.s3aas.common.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the 64-bit CRC S3 calls {@code CRC64NVME} (the default checksum of current AWS
 * SDKs): reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final XOR all ones. Check
 * value for "123456789" is 0xAE8B14860A799888.
 *
 * <p>Hand-written because the JDK has no 64-bit CRC, and a dependency (the AWS CRT) would bring a
 * native library for one function. Slice-by-8: eight 256-entry tables let the loop fold eight
 * input bytes per iteration with one little-endian long load, several times faster than the
 * byte-at-a-time table. Not thread-safe, like {@link java.util.zip.CRC32}.
 */
public final class Crc64Nvme implements Checksum {
    /** The reflected polynomial. */
    public static final long POLYNOMIAL = 0x9A6C9329AC4BC9B5L;

    private static final long[] TABLE = buildTables();
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The running register, kept inverted (pre-conditioned) between updates. */
    private long register = -1L;

    @Override
    public void update(int b) {
        register = TABLE[(int) ((register ^ b) & 0xFF)] ^ (register >>> 8);
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        long crc = register;
        int i = offset;
        int end = offset + length;
        long[] t = TABLE;
        while (end - i >= 8) {
            long x = crc ^ (long) LONG_LE.get(bytes, i);
            crc = t[7 * 256 + (int) (x & 0xFF)]
                    ^ t[6 * 256 + (int) ((x >>> 8) & 0xFF)]
                    ^ t[5 * 256 + (int) ((x >>> 16) & 0xFF)]
                    ^ t[4 * 256 + (int) ((x >>> 24) & 0xFF)]
                    ^ t[3 * 256 + (int) ((x >>> 32) & 0xFF)]
                    ^ t[2 * 256 + (int) ((x >>> 40) & 0xFF)]
                    ^ t[256 + (int) ((x >>> 48) & 0xFF)]
                    ^ t[(int) (x >>> 56)];
            i += 8;
        }
        while (i < end) {
            crc = t[(int) ((crc ^ bytes[i++]) & 0xFF)] ^ (crc >>> 8);
        }
        register = crc;
    }

    @Override
    public void update(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int pos = buffer.position();
            update(buffer.array(), buffer.arrayOffset() + pos, buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        byte[] chunk = new byte[Math.min(buffer.remaining(), 8192)];
        while (buffer.hasRemaining()) {
            int n = Math.min(chunk.length, buffer.remaining());
            buffer.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    @Override
    public long getValue() {
        return ~register;
    }

    @Override
    public void reset() {
        register = -1L;
    }

    /** Convenience: the CRC-64/NVME of a whole array. */
    public static long of(byte[] bytes) {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    /** Table k (at offset 256k) maps a byte to its CRC followed by k zero bytes. */
    private static long[] buildTables() {
        long[] t = new long[8 * 256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
            }
            t[n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = t[n];
            for (int k = 1; k < 8; k++) {
                c = t[(int) (c & 0xFF)] ^ (c >>> 8);
                t[k * 256 + n] = c;
            }
        }
        return t;
    }
}
