package dev.s3aas.node.s3;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids: a random per-process prefix and a counter, 16 upper-case hex digits like S3's. */
final class RequestIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final long prefix = (new SecureRandom().nextLong() & 0xFFFFF) << 44;
    private final AtomicLong counter = new AtomicLong();

    String next() {
        long v = prefix | (counter.incrementAndGet() & 0xFFFFFFFFFFFL);
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }
}
