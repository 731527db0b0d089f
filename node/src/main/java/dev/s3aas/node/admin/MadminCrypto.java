package dev.s3aas.node.admin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The payload encryption of MinIO's admin API ({@code madmin.EncryptData} / {@code DecryptData}), which the
 * admin clients use for bodies carrying secrets (add-user, list-users, policy attach/detach, service accounts).
 *
 * <pre>
 * message  = salt (32 bytes) || AEAD id (1 byte) || nonce (8 bytes) || stream
 * key      = Argon2id(secret key of the caller, salt, t=1, m=64 MiB, p=4) → 32 bytes   (ids 0 and 1)
 *            PBKDF2-HMAC-SHA256(secret, salt, 8192 iterations) → 32 bytes          (id 2, madmin's FIPS mode)
 * AEAD     = 0: AES-256-GCM, 1: ChaCha20-Poly1305, 2: AES-256-GCM
 * stream   = DARE 2.0 (github.com/minio/sio): the plaintext in 16 KiB packages, each sealed on its own
 *            with nonce || uint32-LE(sequence number, from 1) and associated data
 *            flag || tag, where tag is the AEAD tag of sealing nothing under nonce || 0 and flag is
 *            0x80 for the final package, 0x00 for the others.
 * </pre>
 * The parameters were checked against the Apache-2.0 MinIO Java admin client ({@code io.minio.admin.Crypto});
 * tests run both directions against it. Only the DARE framing is written here (it is the protocol); the
 * ciphers are the JDK's and the Argon2 implementation is BouncyCastle's.
 */
final class MadminCrypto {
    static final int SALT_LEN = 32;
    static final int NONCE_LEN = 8;
    static final int HEADER_LEN = SALT_LEN + 1 + NONCE_LEN;
    static final int PACKAGE_SIZE = 16 * 1024;
    static final int TAG_LEN = 16;
    private static final byte AES_GCM = 0;
    private static final byte CHACHA20_POLY1305 = 1;
    private static final byte PBKDF2_AES_GCM = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each Argon2 derivation takes 64 MiB: bound how many run at once. */
    private static final Semaphore KDF_SLOTS = new Semaphore(2);

    private MadminCrypto() {}

    /** The payload could not be decrypted: wrong key, truncated, tampered or not encrypted at all. */
    static final class CryptoException extends Exception {
        CryptoException(String message) {
            super(message, null, false, false);
        }
    }

    /** A derived encryption key and the salt it was derived with. */
    private record SealingKey(byte[] salt, byte[] key) {}

    /**
     * Encryption keys by secret. Argon2id costs 64 MiB and tens of milliseconds per derivation, and every
     * encrypted answer would pay it: the node derives one key per secret with a random salt and reuses it,
     * each message still getting a fresh random nonce (as sio allows: 2^32 messages per key before a nonce
     * collision becomes likely). Readers derive from the salt in each message, so nothing changes for them.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, SealingKey> SEALING_KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Encrypts with Argon2id + AES-256-GCM (what madmin uses on CPUs with AES instructions). */
    static byte[] encrypt(byte[] plaintext, String secret) {
        if (SEALING_KEYS.size() > 16) {
            SEALING_KEYS.clear();
        }
        SealingKey sk = SEALING_KEYS.computeIfAbsent(secret, s -> {
            byte[] fresh = random(SALT_LEN);
            return new SealingKey(fresh, deriveKey(AES_GCM, s, fresh));
        });
        byte[] salt = sk.salt();
        byte[] nonce = random(NONCE_LEN);
        byte[] key = sk.key();
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LEN + plaintext.length
                + (plaintext.length / PACKAGE_SIZE + 1) * TAG_LEN);
        out.writeBytes(salt);
        out.write(AES_GCM);
        out.writeBytes(nonce);
        try {
            byte[] ad = associatedData(AES_GCM, key, nonce);
            int seq = 1;
            int from = 0;
            // The final package may be full; an empty plaintext is one empty final package.
            do {
                int to = Math.min(from + PACKAGE_SIZE, plaintext.length);
                ad[0] = to == plaintext.length ? (byte) 0x80 : 0;
                out.writeBytes(cipher(Cipher.ENCRYPT_MODE, AES_GCM, key, packageNonce(nonce, seq++), ad)
                        .doFinal(plaintext, from, to - from));
                from = to;
            } while (from < plaintext.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD unavailable", e);
        }
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] message, String secret) throws CryptoException {
        if (message.length < HEADER_LEN + TAG_LEN) {
            throw new CryptoException("encrypted payload too short");
        }
        byte id = message[SALT_LEN];
        if (id != AES_GCM && id != CHACHA20_POLY1305 && id != PBKDF2_AES_GCM) {
            throw new CryptoException("unknown AEAD id " + id);
        }
        byte[] salt = Arrays.copyOfRange(message, 0, SALT_LEN);
        byte[] nonce = Arrays.copyOfRange(message, SALT_LEN + 1, HEADER_LEN);
        byte[] key = deriveKey(id, secret, salt);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        try {
            byte[] ad = associatedData(id, key, nonce);
            int seq = 1;
            int pos = HEADER_LEN;
            while (pos < message.length) {
                int len = Math.min(PACKAGE_SIZE + TAG_LEN, message.length - pos);
                boolean last = pos + len == message.length;
                if (len < TAG_LEN) {
                    throw new CryptoException("truncated package");
                }
                ad[0] = last ? (byte) 0x80 : 0;
                out.writeBytes(cipher(Cipher.DECRYPT_MODE, id, key, packageNonce(nonce, seq++), ad)
                        .doFinal(message, pos, len));
                pos += len;
            }
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CryptoException("payload authentication failed (wrong key or corrupted data)");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("payload could not be decrypted: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /** {@code 0x00 || tag(seal(nonce || 0, empty))}: binds every package to this stream's key and nonce. */
    private static byte[] associatedData(byte id, byte[] key, byte[] nonce) throws GeneralSecurityException {
        byte[] tag = cipher(Cipher.ENCRYPT_MODE, id, key, packageNonce(nonce, 0), null).doFinal();
        byte[] ad = new byte[1 + tag.length];
        System.arraycopy(tag, 0, ad, 1, tag.length);
        return ad;
    }

    private static byte[] packageNonce(byte[] nonce, int seq) {
        return ByteBuffer.allocate(NONCE_LEN + 4).order(ByteOrder.LITTLE_ENDIAN).put(nonce).putInt(seq).array();
    }

    private static Cipher cipher(int mode, byte id, byte[] key, byte[] nonce, byte[] ad)
            throws GeneralSecurityException {
        Cipher c;
        if (id == CHACHA20_POLY1305) {
            c = Cipher.getInstance("ChaCha20-Poly1305");
            c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        } else {
            c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LEN * 8, nonce));
        }
        if (ad != null) {
            c.updateAAD(ad);
        }
        return c;
    }

    private static byte[] deriveKey(byte id, String secret, byte[] salt) {
        byte[] password = secret.getBytes(StandardCharsets.UTF_8);
        if (id == PBKDF2_AES_GCM) {
            try {
                PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, 8192, 256);
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2 unavailable", e);
            }
        }
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withIterations(1)
                .withMemoryAsKB(64 * 1024)
                .withParallelism(4)
                .build());
        byte[] key = new byte[32];
        KDF_SLOTS.acquireUninterruptibly();
        try {
            argon.generateBytes(password, key);
        } finally {
            KDF_SLOTS.release();
        }
        return key;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
