package dev.s3aas.node.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SSE-C keys (customer-provided, AES-256). The key encrypts the version's data directly (each extent with its
 * own salt, as SSE-S3 data keys do) and is never stored: the version's {@code sealedKey} slot holds
 * {@code c1:<salt>:<HMAC-SHA256(salt, key)>}, enough to recognise the key on a later request and useless for
 * decrypting. The same slot holds an SSE-S3 or SSE-KMS data key otherwise; {@link DataKeys} tells them apart.
 */
public final class CustomerKeys {
    private static final String PREFIX = "c1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private CustomerKeys() {}

    /** A fresh verifier for a key (random salt). */
    static String verifier(byte[] key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + B64.encodeToString(salt) + ":" + B64.encodeToString(hmac(salt, key));
    }

    /** Whether a stored key slot is an SSE-C verifier (the version was written with a customer key). */
    public static boolean isCustomerKey(String sealedKey) {
        return sealedKey != null && sealedKey.startsWith(PREFIX);
    }

    /** Whether {@code key} is the key the verifier was made from. */
    public static boolean matches(String verifier, byte[] key) {
        int colon = verifier.indexOf(':', PREFIX.length());
        byte[] salt = Base64.getDecoder().decode(verifier.substring(PREFIX.length(), colon));
        byte[] expected = Base64.getDecoder().decode(verifier.substring(colon + 1));
        return MessageDigest.isEqual(expected, hmac(salt, key));
    }

    /**
     * Checks the SSE-C key a request brings against a version's or upload's key slot: an SSE-C slot needs its key
     * (missing: INVALID_REQUEST; another: CUSTOMER_KEY_MISMATCH), and any other slot takes none (a key offered for
     * data that is not SSE-C is refused, as S3 does). The one check GET, HEAD and uploads share.
     */
    public static void check(String slot, byte[] customerKey) throws StorageException {
        if (!isCustomerKey(slot)) {
            if (customerKey != null) {
                throw new StorageException(StorageError.INVALID_REQUEST,
                        "The encryption parameters are not applicable to this object.");
            }
            return;
        }
        if (customerKey == null) {
            throw new StorageException(StorageError.INVALID_REQUEST, "The object was stored using a form of Server "
                    + "Side Encryption. The correct parameters must be provided to retrieve the object.");
        }
        if (!matches(slot, customerKey)) {
            throw new StorageException(StorageError.CUSTOMER_KEY_MISMATCH,
                    "The SSE-C key provided does not match the key the object was stored with.");
        }
    }

    /** The key a write encrypts with and what its record keeps in the key slot. */
    record WriteKey(byte[] plain, String slot) {}

    /** The customer's key for new data, with a fresh verifier for its record. */
    static WriteKey forWrite(byte[] customerKey) {
        return new WriteKey(customerKey, verifier(customerKey));
    }

    private static byte[] hmac(byte[] salt, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            mac.update("s3aas-sse-c-v1".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
