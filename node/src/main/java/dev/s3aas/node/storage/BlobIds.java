package dev.s3aas.node.storage;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Blob ids are 128 random bits in lower-case hex. They never derive from object keys, so no key, however
 * crafted ({@code ../}, {@code %2e%2e}, NUL, 1024 bytes), can influence a file path.
 */
final class BlobIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private BlobIds() {}

    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    static boolean isValid(String id) {
        if (id == null || id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(String id) {
        return HEX.parseHex(id);
    }

    static String fromBytes(byte[] b) {
        return HEX.formatHex(b);
    }
}
