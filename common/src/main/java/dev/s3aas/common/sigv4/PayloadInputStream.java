package dev.s3aas.common.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The decoded body of a request (see {@link PayloadStreams#decode}). Reports end of stream only
 * once every check passed; a failed check throws a {@link PayloadException}, and keeps throwing
 * it on later reads. Data returned before the end is not yet verified: store it, but commit
 * only after end of stream. Not thread-safe.
 */
public abstract class PayloadInputStream extends InputStream implements TrailingHeaders {
    private final InputStream raw;
    private final byte[] single = new byte[1];
    private PayloadException failure;
    private boolean ended;
    private long delivered;

    PayloadInputStream(InputStream raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /** The bytes of the encoded body, as received. */
    final InputStream raw() {
        return raw;
    }

    /**
     * Reads decoded bytes into {@code b}; returns -1 only after the whole body verified.
     * Subclasses return at least one byte when {@code len > 0}, or -1.
     */
    abstract int readDecoded(byte[] b, int off, int len) throws IOException;

    /** The trailers, once {@link #readDecoded} returned -1. */
    Map<String, String> receivedTrailers() {
        return Map.of();
    }

    @Override
    public final int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            int n = readDecoded(b, off, len);
            if (n < 0) {
                ended = true;
            } else {
                delivered += n;
            }
            return n;
        } catch (PayloadException e) {
            failure = e;
            throw e;
        }
    }

    /** Decoded bytes returned so far. */
    public final long decodedBytes() {
        return delivered;
    }

    @Override
    public final Map<String, String> trailers() {
        if (!ended) {
            throw new IllegalStateException("trailers are known once the body was read to its end");
        }
        return receivedTrailers();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** UNSIGNED-PAYLOAD: the body as received. */
    static final class Plain extends PayloadInputStream {
        Plain(InputStream raw) {
            super(raw);
        }

        @Override
        int readDecoded(byte[] b, int off, int len) throws IOException {
            int n;
            do {
                n = raw().read(b, off, len);
            } while (n == 0);
            return n;
        }
    }
}
