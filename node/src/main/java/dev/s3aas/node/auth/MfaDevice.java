package dev.s3aas.node.auth;

import dev.s3aas.common.mfa.Base32;

/**
 * The root account's virtual MFA device: the serial clients name in {@code x-amz-mfa} and the TOTP secret.
 * A node has at most one; without it nothing can enable MFA delete.
 *
 * @param serial the device's serial number (AWS uses an ARN); no whitespace, since the header separates the
 *               serial from the code with a space
 * @param secret the shared TOTP secret, at least 128 bits (RFC 4226 section 4)
 */
public record MfaDevice(String serial, byte[] secret) {
    public MfaDevice {
        if (serial == null || serial.isEmpty() || serial.length() > 256 || serial.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the MFA serial must be 1 to 256 characters without spaces");
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the MFA secret must be at least 128 bits");
        }
        secret = secret.clone();
    }

    /** From the serial and the base32 secret, as authenticator apps and {@code S3AAS_ROOT_MFA_SECRET} carry it. */
    public static MfaDevice ofBase32(String serial, String base32Secret) {
        return new MfaDevice(serial, Base32.decode(base32Secret));
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MfaDevice d && d.serial.equals(serial) && java.util.Arrays.equals(d.secret, secret);
    }

    @Override
    public int hashCode() {
        return serial.hashCode();
    }

    @Override
    public String toString() {
        return "MfaDevice[" + serial + ", secret hidden]";
    }
}
