package dev.s3aas.node.storage;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version ids: 16 hex digits of a sequence (milliseconds × 4096 + a counter, strictly increasing within the
 * process) followed by 16 random hex digits. Noncurrent versions are stored under
 * {@code bucketId‖key‖0x00‖~sequence‖random}, so a key's versions iterate newest first and a version id maps
 * straight to its storage key. The null version (unversioned or suspended writes) is stored under the
 * sequence of its last modification with zero random bits.
 *
 * <p>Every commit that creates a version records its sequence under {@link #CLOCK_KEY}, and a store that opens
 * starts above it: if the wall clock stepped back across a restart, new versions still sort newest first.
 * The sequence belongs to one store (an instance, not a static), read from the store's injected clock: the
 * null version sorts by its Last-Modified on the same clock, so both must come from one time source, and two
 * stores in one JVM (tests) must not push each other's sequence around.
 */
final class VersionIds {
    static final String NULL = "null";
    static final int SUFFIX_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    static final byte[] CLOCK_KEY = Keys.utf8("version-clock");

    private final AtomicLong last = new AtomicLong();
    private final Clock clock;

    VersionIds(Clock clock) {
        this.clock = clock;
    }

    /** Inside a commit: a new version id, its sequence recorded in the same commit. */
    String newId(Txn txn) {
        long now = clock.millis() << 12;
        long seq = last.updateAndGet(prev -> Math.max(prev + 1, now));
        txn.put(MetaDb.Cf.DEFAULT, CLOCK_KEY, Keys.longBytes(seq));
        return HEX.toHexDigits(seq) + HEX.toHexDigits(RANDOM.nextLong());
    }

    /** At open: later ids sort after every id the store has already handed out. */
    void startAbove(MetaDb db) {
        byte[] recorded = db.get(MetaDb.Cf.DEFAULT, CLOCK_KEY);
        if (recorded != null) {
            long seq = Keys.getLong(recorded, 0);
            last.accumulateAndGet(seq, Math::max);
        }
    }

    /** The sequence part of a non-null version id. */
    static long sequence(String versionId) {
        return HEX.fromHexDigitsToLong(versionId, 0, 16);
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
