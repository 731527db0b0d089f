package dev.s3aas.node.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An opened object version whose bytes can be streamed. Opening pins the data: a concurrent overwrite or
 * delete does not disturb a reader that already holds this handle (files are unlinked, not truncated).
 */
public interface ObjectData extends Closeable {
    ObjectInfo info();

    /**
     * Streams bytes [offset, offset + length) to {@code sink} in order. Buffers handed to the sink are only
     * valid during the call.
     *
     * @param scratch a buffer to read file data through (a pooled direct buffer from the caller keeps the copy
     *        and the memory bounded); null to let the implementation allocate one
     */
    void transferTo(long offset, long length, ByteBuffer scratch, Sink sink) throws IOException;

    default void transferTo(long offset, long length, Sink sink) throws IOException {
        transferTo(offset, length, null, sink);
    }

    @Override
    void close();

    /** Where bytes go: typically the HTTP response, written blocking. */
    @FunctionalInterface
    interface Sink {
        void write(ByteBuffer buffer) throws IOException;
    }
}
