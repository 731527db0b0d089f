package dev.s3aas.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of one extent's bytes at rest (SSE-S3): the plaintext is cut into 64 KiB packages, each sealed
 * with AES-256-GCM (16-byte tag) under a key derived for this extent (HMAC-SHA256 of the object's data key
 * and a random per-extent salt), with the package index as the nonce. Hence a range read decrypts only the
 * packages it covers, nonces never repeat under a key (each extent has its own key), and a package cannot be
 * moved or dropped without failing authentication (its index is its nonce; lengths come from metadata).
 * Hand-rolled because the format is the storage engine's own; the primitives are the JDK's.
 */
final class PackageCipher {
    static final int PACKAGE = 64 * 1024;
    static final int TAG = 16;

    private final SecretKeySpec key;
    private final Cipher cipher;

    PackageCipher(byte[] dataKey, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(salt), "AES");
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (NoSuchAlgorithmException | InvalidKeyException | javax.crypto.NoSuchPaddingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long encryptedLength(long plain) {
        long full = plain / PACKAGE;
        long rest = plain % PACKAGE;
        return full * (PACKAGE + TAG) + (rest > 0 ? rest + TAG : 0);
    }

    private static GCMParameterSpec nonce(long index) {
        byte[] n = new byte[12];
        Keys.putLong(n, 4, index);
        return new GCMParameterSpec(128, n);
    }

    /** Seals one package (all of {@code plain}'s remaining bytes) into {@code out}. */
    void seal(long index, ByteBuffer plain, ByteBuffer out) throws IOException {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(index));
            cipher.doFinal(plain, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed", e);
        }
    }

    /** Opens one sealed package from {@code in} into {@code out}; fails if it was altered. */
    void open(long index, ByteBuffer in, ByteBuffer out) throws IOException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(index));
            cipher.doFinal(in, out);
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("encrypted data failed authentication (package " + index + ")", e);
        }
    }

    /** Streams plaintext [from, from+n) of an encrypted extent of {@code plainLength} bytes, read from {@code ch}. */
    void decryptRange(FileChannel ch, long plainLength, long from, long n, ObjectData.Sink sink) throws IOException {
        ByteBuffer sealed = ByteBuffer.allocate(PACKAGE + TAG);
        ByteBuffer plain = ByteBuffer.allocate(PACKAGE + TAG);
        long end = from + n;
        for (long p = from / PACKAGE; p * PACKAGE < end; p++) {
            int len = (int) Math.min(PACKAGE, plainLength - p * PACKAGE);
            sealed.clear().limit(len + TAG);
            long pos = p * (PACKAGE + TAG);
            while (sealed.hasRemaining()) {
                if (ch.read(sealed, pos + sealed.position()) < 0) {
                    throw new IntegrityException("encrypted blob is shorter than its metadata says");
                }
            }
            sealed.flip();
            plain.clear();
            open(p, sealed, plain);
            plain.flip();
            long pkgStart = p * PACKAGE;
            plain.position((int) Math.max(0, from - pkgStart));
            plain.limit((int) Math.min(len, end - pkgStart));
            sink.write(plain);
        }
    }

    /** The same over an inline (in-memory) encrypted value. */
    void decryptRange(byte[] sealedBytes, long plainLength, long from, long n, ObjectData.Sink sink) throws IOException {
        ByteBuffer plain = ByteBuffer.allocate(PACKAGE + TAG);
        long end = from + n;
        for (long p = from / PACKAGE; p * PACKAGE < end; p++) {
            int len = (int) Math.min(PACKAGE, plainLength - p * PACKAGE);
            ByteBuffer sealed = ByteBuffer.wrap(sealedBytes, (int) (p * (PACKAGE + TAG)), len + TAG);
            plain.clear();
            open(p, sealed, plain);
            plain.flip();
            long pkgStart = p * PACKAGE;
            plain.position((int) Math.max(0, from - pkgStart));
            plain.limit((int) Math.min(len, end - pkgStart));
            sink.write(plain);
        }
    }

    /** Accepts plaintext in any chunks and emits sealed packages to {@code out}. */
    final class Encryptor {
        private final ObjectData.Sink out;
        private final ByteBuffer pending = ByteBuffer.allocate(PACKAGE);
        private final ByteBuffer sealed = ByteBuffer.allocate(PACKAGE + TAG);
        private long index;

        Encryptor(ObjectData.Sink out) {
            this.out = out;
        }

        void write(ByteBuffer plain) throws IOException {
            while (plain.hasRemaining()) {
                int n = Math.min(pending.remaining(), plain.remaining());
                ByteBuffer slice = plain.slice(plain.position(), n);
                pending.put(slice);
                plain.position(plain.position() + n);
                if (!pending.hasRemaining()) {
                    flush();
                }
            }
        }

        void finish() throws IOException {
            if (pending.position() > 0) {
                flush();
            }
        }

        private void flush() throws IOException {
            pending.flip();
            sealed.clear();
            seal(index++, pending, sealed);
            sealed.flip();
            out.write(sealed);
            pending.clear();
        }
    }
}
