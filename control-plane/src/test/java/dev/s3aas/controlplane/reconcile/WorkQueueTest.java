package dev.s3aas.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The queue's guarantees: de-duplication, no concurrent processing of a key, no lost change. */
class WorkQueueTest {
    @Test
    void aKeyIsQueuedOnce() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a");
        q.add("a");
        q.add("b");
        assertThat(q.take()).isEqualTo("a");
        assertThat(q.take()).isEqualTo("b");
        assertThat(q.idle()).isFalse();
        q.done("a");
        q.done("b");
        assertThat(q.idle()).isTrue();
    }

    @Test
    void aKeyAddedWhileProcessingIsHandedOutAgainOnlyAfterDone() throws InterruptedException {
        WorkQueue q = new WorkQueue();
        q.add("a");
        assertThat(q.take()).isEqualTo("a");
        q.add("a");
        q.add("b");
        assertThat(q.take()).as("a is in progress, so b comes first").isEqualTo("b");
        q.done("a");
        assertThat(q.take()).as("the change made during processing is not lost").isEqualTo("a");
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
