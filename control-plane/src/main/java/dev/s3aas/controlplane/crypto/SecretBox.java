package dev.s3aas.controlplane.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the nodes need (instance root secrets, access-key secrets) before they are
 * stored, with AES-256-GCM under the master key. Stored form: {@code v1:<base64(iv || ciphertext+tag)>};
 * the prefix lets a later key rotation tell formats apart. Plaintexts never reach a log.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("master key must be 32 bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    /**
     * Loads the master key (32 bytes, base64 text) from {@code file}, creating it with owner-only
     * permissions when it does not exist yet.
     */
    public static SecretBox fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Secrets.writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new SecretBox(Base64.getDecoder().decode(text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create master key file " + file, e);
        }
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** True when {@code stored} has the form {@link #encrypt} produces. */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            byte[] pt = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(pt, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret cannot be decrypted: wrong master key?", e);
        }
    }

    /** Derives a purpose-bound sub-key (HMAC-SHA256 of the label), e.g. the JWT signing key. */
    public byte[] deriveKey(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("s3aas/" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
