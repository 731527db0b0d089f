package dev.s3aas.controlplane.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body that is not JSON but bytes written as they come (an object's content, from its node), so the
 * API never holds it whole. The endpoint puts Content-Type and Content-Length among the response's headers;
 * {@link ApiHandler} writes them, then calls {@link #writeTo}, and closes the body whatever happens (also when
 * the answer is an error written instead, or the client went away).
 */
public interface StreamedBody extends AutoCloseable {
    /** Copies the bytes to the client, blocking (the handler runs on a virtual thread). */
    void writeTo(OutputStream out) throws IOException;

    /** Releases the source (the node's response). Must not throw. */
    @Override
    void close();

    /** Bytes already in memory (small: a generated image), written at once. */
    static StreamedBody of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new StreamedBody() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(copy);
            }

            @Override
            public void close() {
            }
        };
    }
}
