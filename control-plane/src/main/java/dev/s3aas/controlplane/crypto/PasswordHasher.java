package dev.s3aas.controlplane.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, so parameters can be
 * raised later without invalidating stored hashes.
 */
public final class PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** RFC 9106's second recommended option scaled down to a 19 MiB / t=2 budget (OWASP's minimum). */
    public static PasswordHasher standard() {
        return new PasswordHasher(19 * 1024, 2, 1);
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = compute(password, salt, memoryKiB, iterations, parallelism, 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }

    public boolean verify(String password, String phc) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=");
            switch (pair[0]) {
                case "m" -> m = Integer.parseInt(pair[1]);
                case "t" -> t = Integer.parseInt(pair[1]);
                case "p" -> p = Integer.parseInt(pair[1]);
                default -> {
                    return false;
                }
            }
        }
        Base64.Decoder d = Base64.getDecoder();
        byte[] salt = d.decode(parts[4]);
        byte[] expected = d.decode(parts[5]);
        byte[] actual = compute(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] compute(String password, byte[] salt, int m, int t, int p, int len) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] out = new byte[len];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
