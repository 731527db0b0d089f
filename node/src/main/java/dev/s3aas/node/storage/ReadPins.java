package dev.s3aas.node.storage;

import java.util.TreeMap;

/**
 * Keeps blob files alive for readers that have not opened them yet.
 *
 * <p>A single-file object is pinned by its open file descriptor (unlinking an open file is harmless on
 * POSIX). A multipart object's later parts are opened only as the stream reaches them, so an overwrite in
 * the meantime must not unlink them. Epochs order the two sides:
 * <ul>
 *   <li>a reader takes a pin (the current epoch) <em>before</em> it reads the record it will stream;</li>
 *   <li>each release of a blob, after its commit is durable, advances the epoch and is stamped with it;</li>
 *   <li>the collector unlinks a released blob only when no pin older than its stamp is held.</li>
 * </ul>
 * A reader whose pin is as new as a release read the record after that commit, so it cannot hold the blob.
 */
final class ReadPins {
    private final TreeMap<Long, Integer> held = new TreeMap<>();
    private long epoch;

    /** A held pin; closing it lets deferred releases proceed. */
    final class Pin implements AutoCloseable {
        private final long at;
        private boolean closed;

        private Pin(long at) {
            this.at = at;
        }

        @Override
        public void close() {
            synchronized (ReadPins.this) {
                if (!closed) {
                    closed = true;
                    held.compute(at, (k, n) -> n == 1 ? null : n - 1);
                }
            }
        }
    }

    synchronized Pin pin() {
        held.merge(epoch, 1, Integer::sum);
        return new Pin(epoch);
    }

    /** Stamps a release; called after the commit that dropped the blob. */
    synchronized long release() {
        return ++epoch;
    }

    /** Whether a blob released at {@code stamp} may still be opened by some reader. */
    synchronized boolean mayBeRead(long stamp) {
        return !held.isEmpty() && held.firstKey() < stamp;
    }
}
