package dev.s3aas.node.storage;

/**
 * The WORM state of one object version (S3 Object Lock): a retention mode with its retain-until date, and a
 * legal hold. A version is protected while {@code now < retainUntilMillis} or while the legal hold is on.
 *
 * @param mode "GOVERNANCE", "COMPLIANCE", or null for no retention
 */
public record ObjectLock(String mode, long retainUntilMillis, boolean legalHold) {
    public static final ObjectLock NONE = new ObjectLock(null, 0, false);

    public ObjectLock {
        if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw new IllegalArgumentException("unknown retention mode " + mode);
        }
    }

    public boolean retainedAt(long nowMillis) {
        return mode != null && nowMillis < retainUntilMillis;
    }

    public ObjectLock withRetention(String newMode, long until) {
        return new ObjectLock(newMode, until, legalHold);
    }

    public ObjectLock withLegalHold(boolean on) {
        return new ObjectLock(mode, retainUntilMillis, on);
    }
}
