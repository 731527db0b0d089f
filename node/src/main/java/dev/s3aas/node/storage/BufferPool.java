package dev.s3aas.node.storage;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Reusable upload buffers. Allocating a fresh 256 KiB array per buffer per upload made the heap grow toward
 * its maximum under concurrent large PUTs (hundreds of MiB/s of garbage); a bounded pool keeps it flat.
 * Buffers beyond the bound are simply dropped to the garbage collector.
 */
final class BufferPool {
    static final int SIZE = 256 * 1024;
    private static final ArrayBlockingQueue<byte[]> FREE = new ArrayBlockingQueue<>(128);

    private BufferPool() {}

    static byte[] take() {
        byte[] b = FREE.poll();
        return b != null ? b : new byte[SIZE];
    }

    static void give(byte[] b) {
        if (b != null && b.length == SIZE) {
            FREE.offer(b);
        }
    }

    private static final ArrayBlockingQueue<java.nio.ByteBuffer> DIRECT = new ArrayBlockingQueue<>(64);

    /**
     * A direct buffer to write file data from. Writing a heap buffer makes the JDK copy it into a temporary
     * direct buffer, which for virtual threads is malloc'ed and freed per write: native-memory churn that
     * showed as hundreds of MiB of RSS under concurrent uploads. The copy here is the same, the malloc is not.
     */
    static java.nio.ByteBuffer takeDirect() {
        java.nio.ByteBuffer b = DIRECT.poll();
        return b != null ? b.clear() : java.nio.ByteBuffer.allocateDirect(SIZE);
    }

    static void giveDirect(java.nio.ByteBuffer b) {
        if (b != null && b.capacity() == SIZE) {
            DIRECT.offer(b);
        }
    }
}
