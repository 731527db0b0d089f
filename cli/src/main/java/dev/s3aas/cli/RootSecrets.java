package dev.s3aas.cli;

import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.auth.RootCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

/**
 * Where a node's root credentials come from: flags, else {@code S3AAS_ROOT_USER}/{@code S3AAS_ROOT_PASSWORD},
 * else a file {@code root-credentials} (mode 0600) in the data dir, generated on first start and printed once.
 */
final class RootSecrets {
    private static final String FILE = "root-credentials";
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RootSecrets() {}

    static RootCredentials resolve(Path dataDir, String user, String password, PrintStream out) throws IOException {
        String u = user != null ? user : System.getenv("S3AAS_ROOT_USER");
        String p = password != null ? password : System.getenv("S3AAS_ROOT_PASSWORD");
        if (u != null && p != null) {
            return new RootCredentials(u, p);
        }
        if (u != null || p != null) {
            throw new IllegalArgumentException("give both the root user and the root password, or neither");
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new RootCredentials(lines.get(0).trim(), lines.get(1).trim());
        }
        RootCredentials generated = new RootCredentials("root-" + random(8).toLowerCase(), random(40));
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, generated.accessKeyId() + "\n" + generated.secretKey() + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.println("Generated root credentials (stored in " + file + ", shown once):");
        out.println("  access key: " + generated.accessKeyId());
        out.println("  secret key: " + generated.secretKey());
        return generated;
    }

    /**
     * The root account's virtual MFA device: flags, else {@code S3AAS_ROOT_MFA_SERIAL}/{@code S3AAS_ROOT_MFA_SECRET}
     * (base32); null when neither is given. Never generated: a device nobody holds the secret of is useless.
     */
    static MfaDevice mfa(String serial, String base32Secret) {
        String s = serial != null ? serial : System.getenv("S3AAS_ROOT_MFA_SERIAL");
        String k = base32Secret != null ? base32Secret : System.getenv("S3AAS_ROOT_MFA_SECRET");
        if (s == null && k == null) {
            return null;
        }
        if (s == null || k == null) {
            throw new IllegalArgumentException("give both the root MFA serial and the root MFA secret, or neither");
        }
        try {
            return MfaDevice.ofBase32(s, k);
        } catch (IllegalArgumentException e) {
            // The message never includes the secret.
            throw new IllegalArgumentException("invalid root MFA device: " + e.getMessage());
        }
    }

    private static String random(int n) {
        SecureRandom r = new SecureRandom();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
