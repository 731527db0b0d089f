package dev.s3aas.node.s3;

import dev.s3aas.common.mfa.Totp;
import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.time.Clock;

/**
 * Verifies the {@code x-amz-mfa: <serial> <code>} header against the root account's virtual MFA device, for
 * the requests MFA delete guards.
 *
 * <p>Decision: a code is not single-use. AWS's wording suggests one use per code, but the control plane
 * enables MFA delete on every versioned bucket of a node in one pass, and a user removing several versions
 * sends one request per version; with single-use codes both would wait 30 s per request. A code is valid
 * for at most 90 s (the current step and one on either side). Guessing is bounded instead: after
 * {@link #MAX_FAILURES_PER_STEP} wrong codes in one 30-second step, every code is refused until the next
 * step (right ones too, so an attacker also delays the owner for the rest of that step), so a brute force
 * takes about ten days of continuous guessing on average rather than minutes.
 *
 * <p>AWS also requires HTTPS for {@code x-amz-mfa}; nodes serve plain HTTP (TLS terminates in front of
 * them), so this is not checked.
 */
final class MfaCheck {
    static final String HEADER = "x-amz-mfa";
    /** AWS's message when the header is missing. */
    static final String REQUIRED = "Mfa Authentication must be used for this request";
    static final int MAX_FAILURES_PER_STEP = 10;

    private final MfaDevice device;
    private final Clock clock;
    private long failureStep = Long.MIN_VALUE;
    private int failures;

    /** @param device the root account's device, or null when the node has none */
    MfaCheck(MfaDevice device, Clock clock) {
        this.device = device;
        this.clock = clock;
    }

    boolean configured() {
        return device != null;
    }

    /**
     * For permanent deletes: passes when the bucket has no MFA delete, else as {@link #require}. The setting is
     * read before the delete commits, so a delete racing with the request that enables MFA delete may still
     * pass, as it could a moment earlier.
     */
    void requireIfEnabled(ObjectStore store, S3Exchange ex) throws S3Exception, StorageException {
        if (store.bucket(ex.bucket()).config().mfaDeleteEnabled()) {
            require(ex);
        }
    }

    /** Passes when the request carries a valid code of the root device; otherwise AccessDenied. */
    void require(S3Exchange ex) throws S3Exception {
        String header = ex.header(HEADER);
        if (header == null || header.isBlank()) {
            throw new S3Exception(S3ErrorCode.AccessDenied, REQUIRED);
        }
        String[] parts = header.strip().split("\\s+");
        if (parts.length != 2) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "x-amz-mfa must be the device serial number, a space and the authentication code.");
        }
        if (device == null) {
            throw new S3Exception(S3ErrorCode.AccessDenied, "This node has no MFA device configured.");
        }
        if (!verify(parts[0], parts[1])) {
            throw new S3Exception(S3ErrorCode.AccessDenied, "The MFA serial number or authentication code is invalid.");
        }
    }

    /** Whether {@code code} is a current code of the device named {@code serial}, within the failure budget. */
    synchronized boolean verify(String serial, String code) {
        java.time.Instant now = clock.instant();
        if (failureStep != Totp.step(now)) {
            failureStep = Totp.step(now);
            failures = 0;
        }
        if (failures >= MAX_FAILURES_PER_STEP) {
            return false;
        }
        boolean ok = serial.equals(device.serial()) && Totp.matchingStep(device.secret(), code, now) >= 0;
        if (!ok) {
            failures++;
        }
        return ok;
    }
}
