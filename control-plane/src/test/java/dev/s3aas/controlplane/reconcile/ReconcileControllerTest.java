package dev.s3aas.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The controller's queue, workers, backoff and resync, over hand-written reconcilers. */
class ReconcileControllerTest {
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    private ReconcileController.Reconciler counting(Function<String, ReconcileResult> then) {
        return id -> {
            runs.merge(id, 1, Integer::sum);
            return then.apply(id);
        };
    }

    private int runs(String id) {
        return runs.getOrDefault(id, 0);
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anErrorThrownByAReconcileDoesNotKillTheWorker() throws Exception {
        ReconcileController.Reconciler rec = counting(id -> {
            if (id.equals("a") && runs(id) == 1) {
                throw new AssertionError("boom");
            }
            return new ReconcileResult.Done();
        });
        try (ReconcileController c = new ReconcileController(List::of, rec, Duration.ofHours(1), Duration.ofMillis(10),
                Duration.ofMillis(10))) {
            c.start(1);
            c.instanceChanged("a");
            await("the failed instance to be retried", () -> runs("a") == 2);
            c.instanceChanged("b");
            await("the only worker to take the next instance", () -> runs("b") == 1);
        }
    }

    @Test
    void theResyncLeavesInstancesInBackoffAlone() throws Exception {
        ReconcileController.Reconciler rec = counting(id -> new ReconcileResult.RetryWithBackoff("down"));
        try (ReconcileController c = new ReconcileController(() -> List.of("a"), rec, Duration.ofMillis(20),
                Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            c.start(2);
            await("the first reconcile", () -> runs("a") == 1);
            Thread.sleep(500);
            assertThat(runs("a")).as("no retry before the backoff expires, resync or not").isEqualTo(1);
            c.instanceChanged("a");
            await("a change to go through at once", () -> runs("a") == 2);
        }
    }
}
