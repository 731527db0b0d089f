package dev.s3aas.common.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 (ETags, Content-MD5), SHA-1 and SHA-256 (SigV4 payload hashes) digests.
 *
 * <p>{@link MessageDigest#getInstance} walks the provider list on every call; cloning an untouched
 * prototype skips that. The prototypes are never updated, so concurrent clones are safe, and each
 * caller gets its own instance (no ThreadLocal, which would be per virtual thread anyway).
 */
public final class Digests {
    /** SHA-256 of the empty string: the payload hash of a request without a body. */
    public static final String EMPTY_SHA256_HEX =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final MessageDigest MD5 = prototype("MD5");
    private static final MessageDigest SHA1 = prototype("SHA-1");
    private static final MessageDigest SHA256 = prototype("SHA-256");

    private Digests() {
    }

    public static MessageDigest md5() {
        return copy(MD5);
    }

    public static MessageDigest sha1() {
        return copy(SHA1);
    }

    public static MessageDigest sha256() {
        return copy(SHA256);
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    public static String sha256Hex(byte[] data) {
        return Hex.encode(sha256(data));
    }

    public static String md5Hex(byte[] data) {
        return Hex.encode(md5().digest(data));
    }

    private static MessageDigest prototype(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + algorithm, e);
        }
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return prototype(prototype.getAlgorithm());
        }
    }
}
