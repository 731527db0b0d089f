package dev.s3aas.node.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte layout of RocksDB keys. Object keys are stored as {@code bucketId (8 bytes, big-endian) || key (UTF-8)}
 * so that RocksDB's bytewise order within a bucket is exactly S3's listing order (UTF-8 binary order) and a
 * prefix listing is a seek. Buckets get a numeric id (never reused) so a recreated bucket cannot see
 * leftovers of an earlier one with the same name.
 */
final class Keys {
    static final int BUCKET_ID_BYTES = 8;

    private Keys() {}

    static byte[] bucketPrefix(long bucketId) {
        byte[] b = new byte[BUCKET_ID_BYTES];
        putLong(b, 0, bucketId);
        return b;
    }

    static byte[] objectKey(long bucketId, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[BUCKET_ID_BYTES + k.length];
        putLong(b, 0, bucketId);
        System.arraycopy(k, 0, b, BUCKET_ID_BYTES, k.length);
        return b;
    }

    static String objectName(byte[] rocksKey) {
        return new String(rocksKey, BUCKET_ID_BYTES, rocksKey.length - BUCKET_ID_BYTES, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The smallest byte string greater than every string that starts with {@code prefix}, or null if there is
     * none (prefix is all 0xFF). Used to skip past a common prefix in one seek.
     */
    static byte[] successor(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] s = Arrays.copyOf(prefix, i + 1);
                s[i]++;
                return s;
            }
        }
        return null;
    }

    /** {@code bucketId || key || 0x00 || uploadId}: uploads sort by key, then by id (which starts with time). */
    static byte[] uploadKey(long bucketId, String key, String uploadId) {
        byte[] k = objectKey(bucketId, key);
        byte[] u = uploadId.getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(k, k.length + 1 + u.length);
        System.arraycopy(u, 0, b, k.length + 1, u.length);
        return b;
    }

    /** The object key inside an uploads-CF key (between the bucket id and the NUL before the upload id). */
    static String uploadObjectName(byte[] uploadKey) {
        int nul = uploadKey.length - UploadIds.LENGTH - 1;
        return new String(uploadKey, BUCKET_ID_BYTES, nul - BUCKET_ID_BYTES, StandardCharsets.UTF_8);
    }

    static byte[] partPrefix(String uploadId) {
        return uploadId.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] partKey(String uploadId, int partNumber) {
        byte[] p = partPrefix(uploadId);
        byte[] b = Arrays.copyOf(p, p.length + 4);
        b[p.length] = (byte) (partNumber >>> 24);
        b[p.length + 1] = (byte) (partNumber >>> 16);
        b[p.length + 2] = (byte) (partNumber >>> 8);
        b[p.length + 3] = (byte) partNumber;
        return b;
    }

    /** Prefix of a key's noncurrent versions in the {@code versions} column family: {@code bucketId‖key‖0x00}. */
    static byte[] versionPrefix(long bucketId, String key) {
        byte[] k = objectKey(bucketId, key);
        return Arrays.copyOf(k, k.length + 1);
    }

    static byte[] versionKey(long bucketId, String key, byte[] suffix) {
        byte[] p = versionPrefix(bucketId, key);
        byte[] b = Arrays.copyOf(p, p.length + suffix.length);
        System.arraycopy(suffix, 0, b, p.length, suffix.length);
        return b;
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        putLong(b, 0, v);
        return b;
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
