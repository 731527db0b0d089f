package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's SSE-S3 master key (AES-256). Each encrypted object version gets its own random data key, stored
 * in the version's metadata sealed with this key (AES-256-GCM, random nonce). Rotating or losing the key file
 * makes encrypted objects unreadable, so it is created once (0600) and never rewritten. Keep it on other
 * storage than the data (the node's {@code --sse-key-file}) to protect data at rest against a stolen disk.
 */
public final class SseMasterKey {
    private static final byte[] AAD = "s3aas-sse-data-key-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SseMasterKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** Loads the key file (base64 of 32 bytes), creating it if absent. */
    public static SseMasterKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // Durable before any object is sealed with it: a key lost in a power cut would be silently replaced
            // at the next start and every encrypted object would become unreadable.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(raw) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            BlobStore.syncDirectory(file.toAbsolutePath().getParent());
        }
        byte[] raw = Base64.getDecoder().decode(Files.readString(file).trim());
        if (raw.length != 32) {
            throw new IOException("SSE master key in " + file + " is not 32 bytes");
        }
        return new SseMasterKey(raw);
    }

    /**
     * A 256-bit key for another use of the master key (sealing IAM secrets: label {@code iam-secrets}), derived as
     * HMAC-SHA256(master, "s3aas-subkey-v1:" + label) (HKDF-Expand's single block, RFC 5869 §2.3, with no salt
     * step: the master key is already uniformly random). Data keys are never sealed with a subkey nor the reverse.
     */
    public byte[] subkey(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("s3aas-subkey-v1:" + label).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A fresh data key: its bytes and its sealed form (base64 of nonce ‖ ciphertext ‖ tag). */
    record DataKey(byte[] plain, String sealed) {}

    DataKey newDataKey() {
        byte[] dek = new byte[32];
        RANDOM.nextBytes(dek);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(dek);
            byte[] out = Arrays.copyOf(nonce, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return new DataKey(dek, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    byte[] unseal(String sealed) throws IOException {
        byte[] in = Base64.getDecoder().decode(sealed);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(AAD);
            return c.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot unseal an object's data key: wrong SSE master key or corrupt metadata", e);
        }
    }
}
