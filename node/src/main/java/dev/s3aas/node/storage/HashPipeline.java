package dev.s3aas.node.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs the digests of a large upload (MD5 for the ETag, the optional checksum) on their own virtual thread,
 * beside the thread that receives and writes the body: MD5 alone runs at about one core's 700 MB/s, so done
 * inline it adds its full time to every upload (the benchmark profile: 60–77% of a large PUT's CPU, all of it
 * on the request's critical path). Buffers circulate through a small ring, so memory stays bounded.
 */
final class HashPipeline implements AutoCloseable {
    private record Chunk(byte[] data, int length) {}

    private static final Chunk STOP = new Chunk(new byte[0], 0);

    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> work;
    private final Thread hasher;
    private volatile RuntimeException failure;
    private boolean finished;

    private final int buffers;

    /** @param digest consumes each chunk, in order, on the hasher thread */
    HashPipeline(int buffers, Consumer<java.nio.ByteBuffer> digest) {
        this.buffers = buffers;
        free = new ArrayBlockingQueue<>(buffers + 1);
        work = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(BufferPool.take());
        }
        hasher = Thread.ofVirtual().name("s3aas-hash").start(() -> {
            try {
                for (Chunk c = work.take(); c != STOP; c = work.take()) {
                    digest.accept(java.nio.ByteBuffer.wrap(c.data(), 0, c.length()));
                    free.add(c.data());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                free.add(new byte[0]);
            }
        });
    }

    /** A buffer to receive into; it must go back through {@link #hash} or {@link #giveBack}. */
    byte[] buffer() throws IOException {
        try {
            byte[] b = free.take();
            if (failure != null) {
                throw new IOException("digest failed", failure);
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Hands a filled buffer to the hasher. The caller may keep reading it (e.g. to write it) until it asks for another. */
    void hash(byte[] buffer, int length) throws IOException {
        put(new Chunk(buffer, length));
    }

    void giveBack(byte[] buffer) {
        free.add(buffer);
    }

    /** Waits until every chunk handed over is digested. */
    void finish() throws IOException {
        put(STOP);
        finished = true;
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        if (failure != null) {
            throw new IOException("digest failed", failure);
        }
    }

    private void put(Chunk c) throws IOException {
        try {
            work.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Stops the hasher if still running; the ring's buffers go back to the pool once it is done with them. */
    @Override
    public void close() {
        if (!finished) {
            hasher.interrupt();
            return;
        }
        for (int i = 0; i < buffers; i++) {
            BufferPool.give(free.poll());
        }
    }
}
