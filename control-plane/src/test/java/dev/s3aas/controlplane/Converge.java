package dev.s3aas.controlplane;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polling for end-to-end tests whose effects reach real nodes asynchronously (through the reconciler). */
final class Converge {
    /** How long a change may take to reach a node process in these tests. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Converge() {}

    /** Polls until {@code done} holds; failures of the call (a key not yet on the node) count as not yet. */
    static <T> T await(Callable<T> call, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Object last = null;
        do {
            try {
                T r = call.call();
                if (done.test(r)) {
                    return r;
                }
                last = r;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("did not converge: " + last);
    }
}
