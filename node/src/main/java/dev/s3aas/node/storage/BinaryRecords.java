package dev.s3aas.node.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A growable byte writer and a reader, with varints and length-prefixed UTF-8, for {@link ObjectRecordCodec}. */
final class BinaryRecords {
    private BinaryRecords() {}

    static final class Writer {
        private byte[] buf = new byte[256];
        private int pos;

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        Writer u8(int v) {
            ensure(1);
            buf[pos++] = (byte) v;
            return this;
        }

        Writer varLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
            return this;
        }

        Writer i64(long v) {
            ensure(8);
            Keys.putLong(buf, pos, v);
            pos += 8;
            return this;
        }

        Writer bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varLong(b.length);
            return bytes(b);
        }

        Writer map(Map<String, String> m) {
            varLong(m.size());
            for (var e : m.entrySet()) {
                string(e.getKey()).string(e.getValue());
            }
            return this;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        int u8() {
            return buf[pos++] & 0xFF;
        }

        long varLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        int varInt() {
            long v = varLong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad length");
            }
            return (int) v;
        }

        long i64() {
            long v = Keys.getLong(buf, pos);
            pos += 8;
            return v;
        }

        byte[] bytes(int n) {
            byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        String string() {
            int n = varInt();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        Map<String, String> map() {
            int n = varInt();
            if (n == 0) {
                return Map.of();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                m.put(string(), string());
            }
            return m;
        }
    }
}
