package dev.s3aas.node.scrub;

import dev.s3aas.node.storage.Scrubber;

/**
 * Holds a pass to {@code rate} bytes per second on average: after each step it sleeps until the time elapsed since
 * the pass began covers the bytes read so far. Monotonic time (not the wall clock): this only paces, it dates
 * nothing.
 */
final class Throttle implements Scrubber.Pace {
    private final long rate;
    private final long startNanos = System.nanoTime();
    private long total;

    /** @param rate bytes per second, > 0 */
    Throttle(long rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("scrub rate must be positive");
        }
        this.rate = rate;
    }

    @Override
    public void consumed(long bytes) throws InterruptedException {
        total += bytes;
        long dueNanos = (long) (total * 1e9 / rate);
        long aheadNanos = dueNanos - (System.nanoTime() - startNanos);
        if (aheadNanos > 1_000_000) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }
}
