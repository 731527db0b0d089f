package dev.s3aas.common.mfa;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as virtual MFA devices and AWS compute them: HMAC-SHA1,
 * 30-second steps counted from the Unix epoch, 6 digits. The JDK's {@link Mac} does the cryptography; what
 * is left is RFC 4226's dynamic truncation.
 */
public final class Totp {
    /** The step of every virtual MFA device (RFC 6238's default). */
    public static final long STEP_SECONDS = 30;
    /** Digits of a code (authenticator apps show 6). */
    public static final int DIGITS = 6;
    /** Steps accepted on either side of the verifier's clock: one, so a code works ±30 s (RFC 6238 §5.2). */
    public static final int SKEW_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The time step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of {@code secret} at {@code at}. */
    public static String code(byte[] secret, Instant at) {
        return code(secret, step(at), DIGITS);
    }

    /** The code of {@code secret} for time step {@code step} with {@code digits} digits (RFC 4226 HOTP). */
    public static String code(byte[] secret, long step, int digits) {
        if (digits < 1 || digits >= POWERS.length) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] hash = hmacSha1(secret, step);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /**
     * The time step whose code {@code code} is, among the steps within {@link #SKEW_STEPS} of {@code now}, or
     * -1 when none matches. Compared in constant time so timing does not reveal how close a guess was.
     */
    public static long matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long current = step(now);
        long found = -1;
        for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
            if (MessageDigest.isEqual(code(secret, s, DIGITS).getBytes(), code.getBytes())) {
                found = s;
            }
        }
        return found;
    }

    private static byte[] hmacSha1(byte[] secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) counter;
                counter >>>= 8;
            }
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
