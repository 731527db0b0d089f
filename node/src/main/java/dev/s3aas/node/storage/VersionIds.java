package dev.s3aas.node.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version ids: 16 hex digits of a sequence (milliseconds × 4096 + a counter, strictly increasing within the
 * process) followed by 16 random hex digits. Noncurrent versions are stored under
 * {@code bucketId‖key‖0x00‖~sequence‖random}, so a key's versions iterate newest first and a version id maps
 * straight to its storage key. The null version (unversioned or suspended writes) is stored under the
 * sequence of its last modification with zero random bits.
 */
final class VersionIds {
    static final String NULL = "null";
    static final int SUFFIX_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final AtomicLong LAST = new AtomicLong();

    private VersionIds() {}

    static String newId() {
        long now = System.currentTimeMillis() << 12;
        long seq = LAST.updateAndGet(prev -> Math.max(prev + 1, now));
        return HEX.toHexDigits(seq) + HEX.toHexDigits(RANDOM.nextLong());
    }

    static boolean isValid(String id) {
        if (NULL.equals(id)) {
            return true;
        }
        if (id == null || id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(id.charAt(i), 16) < 0 || Character.isUpperCase(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The 16-byte storage suffix of a version: inverted sequence (newest first), then the random part. */
    static byte[] suffix(ObjectRecord r) {
        byte[] s = new byte[SUFFIX_BYTES];
        if (NULL.equals(r.versionId())) {
            Keys.putLong(s, 0, ~(r.lastModifiedMillis() << 12));
        } else {
            Keys.putLong(s, 0, ~HEX.fromHexDigitsToLong(r.versionId(), 0, 16));
            Keys.putLong(s, 8, HEX.fromHexDigitsToLong(r.versionId(), 16, 32));
        }
        return s;
    }

    /** The suffix for a non-null version id (which must be valid). */
    static byte[] suffix(String versionId) {
        byte[] s = new byte[SUFFIX_BYTES];
        Keys.putLong(s, 0, ~HEX.fromHexDigitsToLong(versionId, 0, 16));
        Keys.putLong(s, 8, HEX.fromHexDigitsToLong(versionId, 16, 32));
        return s;
    }
}
