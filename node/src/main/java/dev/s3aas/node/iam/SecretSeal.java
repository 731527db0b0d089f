package dev.s3aas.node.iam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals IAM secret keys at rest: AES-256-GCM with a key derived from the node's master key (label
 * {@code iam-secrets}, see {@code SseMasterKey.subkey}), a random 96-bit nonce per seal, and the access key as
 * associated data, so a sealed secret cannot be moved to another user's record. SigV4 needs the secret itself
 * (an HMAC key), so it cannot be hashed; decrypted secrets live only in memory ({@link IamState}).
 */
public final class SecretSeal {
    public static final String LABEL = "iam-secrets";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AAD_PREFIX = "s3aas-iam-secret-v1:";

    private final SecretKeySpec key;

    public SecretSeal(byte[] key256) {
        if (key256.length != 32) {
            throw new IllegalArgumentException("the IAM secret key must be 256 bits");
        }
        this.key = new SecretKeySpec(key256, "AES");
    }

    /** base64 of nonce ‖ ciphertext ‖ tag. */
    String seal(String accessKey, String secret) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, accessKey);
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret; fails (without revealing anything) for a wrong master key, a moved or a corrupt record. */
    String open(String accessKey, String sealed) {
        byte[] in = Base64.getDecoder().decode(sealed);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, 12), accessKey);
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unseal the secret key of IAM user " + accessKey
                    + ": wrong master key or corrupt record", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String accessKey) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(128, nonce));
        c.updateAAD((AAD_PREFIX + accessKey).getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
