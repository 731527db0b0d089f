package dev.s3aas.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reusable, growable ASCII byte builder: request heads and canonical requests are built here without
 * creating Strings. Only ASCII is ever appended (keys and headers of the benchmark are ASCII by construction).
 */
final class AsciiBuf {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    AsciiBuf(int capacity) {
        this.bytes = new byte[capacity];
    }

    AsciiBuf reset() {
        length = 0;
        return this;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    AsciiBuf append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    AsciiBuf append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    AsciiBuf append(long v) {
        if (v == 0) {
            return append('0');
        }
        if (v < 0) {
            append('-');
            v = -v;
        }
        int digits = 0;
        for (long t = v; t > 0; t /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        length += digits;
        return this;
    }

    AsciiBuf append(AsciiBuf other) {
        ensure(other.length);
        System.arraycopy(other.bytes, 0, bytes, length, other.length);
        length += other.length;
        return this;
    }

    /** Lower-case hex of {@code n} bytes of {@code data}. */
    AsciiBuf appendHex(byte[] data, int n) {
        ensure(2 * n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = HEX[(data[i] >> 4) & 0xf];
            bytes[length++] = HEX[data[i] & 0xf];
        }
        return this;
    }

    /** Copies the content into {@code out} (which must have room). */
    void copyTo(ByteBuffer out) {
        out.put(bytes, 0, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
