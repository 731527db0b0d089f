package dev.s3aas.node.storage;

import java.security.SecureRandom;

/**
 * Multipart upload ids: 12 hex digits of the creation time in milliseconds, then 20 random hex digits. The
 * time prefix makes RocksDB's byte order list a key's uploads in initiation order, as S3 does.
 */
final class UploadIds {
    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UploadIds() {}

    static String newId(long nowMillis) {
        char[] c = new char[LENGTH];
        long t = nowMillis;
        for (int i = 11; i >= 0; i--) {
            c[i] = HEX[(int) (t & 0xF)];
            t >>>= 4;
        }
        for (int i = 12; i < LENGTH; i++) {
            c[i] = HEX[RANDOM.nextInt(16)];
        }
        return new String(c);
    }

    /** The creation time a valid id carries. */
    static long createdMillis(String id) {
        return Long.parseLong(id.substring(0, 12), 16);
    }

    static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char ch = id.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
