package dev.s3aas.node.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition that background work makes true, checking often, failing after a bound. */
final class Poll {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Poll() {}

    static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + TIMEOUT.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
