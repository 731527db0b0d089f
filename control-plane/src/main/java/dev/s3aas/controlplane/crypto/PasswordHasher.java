package dev.s3aas.controlplane.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, so parameters can be
 * raised later without invalidating stored hashes.
 *
 * <p>Each hash or verify allocates {@code m} KiB. Requests run on unbounded virtual threads, so the
 * number running at once is bounded by {@code permits}: a burst of (bad) logins queues instead of
 * exhausting the heap, and a queued caller costs a parked virtual thread, not 19 MiB.
 */
public final class PasswordHasher {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore permits;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism, Semaphore permits) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.permits = permits;
    }

    /**
     * RFC 9106's second recommended option scaled down to a 19 MiB / t=2 budget (OWASP's minimum),
     * at most two per core at once (more would only queue for the CPU while holding memory).
     */
    public static PasswordHasher standard() {
        return new PasswordHasher(19 * 1024, 2, 1, new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true));
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

    private byte[] compute(String password, byte[] salt, int m, int t, int p, int len) {
        permits.acquireUninterruptibly();
        try {
            return argon2id(password, salt, m, t, p, len);
        } finally {
            permits.release();
        }
    }

    private static byte[] argon2id(String password, byte[] salt, int m, int t, int p, int len) {
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
