package dev.s3aas.controlplane.instance;

import dev.s3aas.controlplane.audit.RequestId;

/**
 * Told after a committed write changed an instance's desired state (the instance itself or
 * anything inside it), so the reconciler can act within seconds instead of at the next resync.
 * The notification carries the id of the request that made the change: the reconcile run it causes
 * logs with it and sends it on every node admin call, so one request id finds the whole chain.
 */
@FunctionalInterface
public interface ChangeListener {
    /** @param cause the API request that made the change, or null (a node exited, a cluster's health changed) */
    void instanceChanged(String instanceId, RequestId cause);

    /**
     * A change made by the API request this thread is serving, if any: services notify on the request's own
     * thread right after their commit, and the request id is in the MDC there ({@link RequestId#current()}).
     */
    default void instanceChanged(String instanceId) {
        instanceChanged(instanceId, RequestId.current().orElse(null));
    }
}
