package dev.s3aas.controlplane.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets, digests and owner-only files. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Secrets() {}

    /** An access key id: 20 upper-case letters and digits, as AWS shapes them. */
    public static String accessKeyId() {
        return random(UPPER_ALNUM, 20);
    }

    /** A secret access key: 40 characters of the base64 alphabet, as AWS shapes them. */
    public static String secretKey() {
        return random(SECRET_ALPHABET, 40);
    }

    /** A password for generated credentials (bootstrap admin, instance root). */
    public static String password(int length) {
        return random(UPPER_ALNUM + "abcdefghijklmnopqrstuvwxyz", length);
    }

    /** An opaque bearer value with 256 bits of entropy. */
    public static String opaqueToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} to a new file readable and writable by its owner only (0600). */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
