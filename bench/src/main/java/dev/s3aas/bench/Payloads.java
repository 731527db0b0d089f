package dev.s3aas.bench;

import dev.s3aas.common.checksum.Hex;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic object contents. One random buffer (direct, so socket writes need no copy) holds every
 * object: variant {@code v} of a size is the window starting at {@code v * STRIDE}. The stride is an odd
 * prime, so two variants differ at every offset and a server returning another object's bytes is caught.
 * Which variant a key holds is a function of the key's index, so a reader knows what to expect.
 */
final class Payloads {
    /** Odd and not a multiple of any page or block size: neighbouring variants never line up. */
    static final int STRIDE = 4099;
    static final int MAX_VARIANTS = 256;

    private final ByteBuffer base;
    private final ConcurrentHashMap<Long, String> sha256 = new ConcurrentHashMap<>();

    Payloads(long maxSize) {
        long capacity = maxSize + (long) MAX_VARIANTS * STRIDE;
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("objects up to about 2 GiB are supported");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) capacity);
        SplittableRandom random = new SplittableRandom(0x5_3AA5_BE7CL);
        while (buffer.remaining() >= Long.BYTES) {
            buffer.putLong(random.nextLong());
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) random.nextInt());
        }
        this.base = buffer.flip().asReadOnlyBuffer();
    }

    /** How many distinct contents objects of this size cycle through: fewer for big objects, to bound hashing. */
    static int variants(long size) {
        long v = ByteSizes.GIB / size;
        return (int) Math.max(4, Math.min(MAX_VARIANTS, v));
    }

    Payload payload(long size, int index) {
        long maxSize = base.capacity() - (long) MAX_VARIANTS * STRIDE;
        if (size > maxSize) {
            throw new IllegalArgumentException("payload buffer holds objects up to " + maxSize + " bytes");
        }
        return new Payload(Math.floorMod(index, variants(size)) * STRIDE, size);
    }

    /** A new view of the whole buffer; callers set position and limit on it (views are not thread-safe). */
    ByteBuffer view() {
        return base.duplicate();
    }

    /** The payload's bytes as a new view positioned on them. */
    ByteBuffer slice(Payload p) {
        return base.slice(p.offset(), Math.toIntExact(p.length()));
    }

    /** Hex SHA-256 of the payload (signed-payload mode), computed once per distinct window. */
    String sha256Hex(Payload p) {
        long id = ((long) p.offset() << 32) ^ p.length();
        return sha256.computeIfAbsent(id, k -> hash(p));
    }

    private String hash(Payload p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(slice(p));
            return Hex.encode(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Index of the first byte of {@code received} that differs from the payload at {@code position}, or -1.
     * {@code received} is compared from its position to its limit and left unchanged.
     */
    long mismatch(Payload p, long position, ByteBuffer received) {
        int n = received.remaining();
        if (position + n > p.length()) {
            return position + Math.max(0, p.length() - position);
        }
        ByteBuffer expected = base.slice(Math.toIntExact(p.offset() + position), n);
        int at = expected.mismatch(received);
        return at < 0 ? -1 : position + at;
    }
}
