package dev.s3aas.controlplane.reconcile;

import java.time.Duration;

/** What one reconcile of an instance concluded, and so when the queue visits it again. */
public sealed interface ReconcileResult {
    /** Converged; only the periodic resync (or a change) brings it back. */
    record Done() implements ReconcileResult {}

    /** Progressing (e.g. nodes starting); look again after {@code delay}. */
    record RequeueAfter(Duration delay) implements ReconcileResult {}

    /** Failed in a way that may pass; retried with exponential backoff per instance. */
    record RetryWithBackoff(String reason) implements ReconcileResult {}
}
