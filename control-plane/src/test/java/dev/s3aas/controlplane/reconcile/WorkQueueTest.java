package dev.s3aas.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.audit.RequestId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue's guarantees: de-duplication, no concurrent processing of a key, no lost change. */
class WorkQueueTest {
    @Test
    void aKeyIsQueuedOnce() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a");
        q.add("a");
        q.add("b");
        assertThat(q.take().key()).isEqualTo("a");
        assertThat(q.take().key()).isEqualTo("b");
        assertThat(q.idle()).isFalse();
        q.done("a");
        q.done("b");
        assertThat(q.idle()).isTrue();
    }

    @Test
    void aKeyAddedWhileProcessingIsHandedOutAgainOnlyAfterDone() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a");
        assertThat(q.take().key()).isEqualTo("a");
        q.add("a");
        q.add("b");
        assertThat(q.take().key()).as("a is in progress, so b comes first").isEqualTo("b");
        q.done("a");
        assertThat(q.take().key()).as("the change made during processing is not lost").isEqualTo("a");
    }

    @Test
    void coalescedAddsHandTheirRunEveryCauseAndLaterCausesGoToTheNextRun() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a", List.of(id("r1")));
        q.add("a");
        q.add("a", List.of(id("r2")));
        WorkQueue.Work first = q.take();
        assertThat(first.causes()).containsExactly(id("r1"), id("r2"));
        q.add("a", List.of(id("r3")));
        q.done("a");
        assertThat(q.take().causes()).as("the change made during the run is the next run's cause").containsExactly(id("r3"));
    }

    @Test
    void aRunCarriesOnlyTheNewestCauses() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        for (int i = 0; i < RequestId.MAX_CHAIN + 5; i++) {
            q.add("a", List.of(id("r" + i)));
        }
        List<RequestId> causes = q.take().causes();
        assertThat(causes).hasSize(RequestId.MAX_CHAIN).startsWith(id("r5")).endsWith(id("r" + (RequestId.MAX_CHAIN + 4)));
    }

    @Test
    void aResyncRunHasNoCause() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a");
        assertThat(q.take().causes()).isEmpty();
    }

    private static RequestId id(String s) {
        return new RequestId(s);
    }

    @Test
    void shutdownReleasesWorkers() throws Exception {
        WorkQueue q = new WorkQueue();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                assertThat(q.take()).isNull();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        q.shutdown();
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }
}
