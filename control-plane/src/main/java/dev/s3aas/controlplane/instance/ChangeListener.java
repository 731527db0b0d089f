package dev.s3aas.controlplane.instance;

/**
 * Told after a committed write changed an instance's desired state (the instance itself or
 * anything inside it), so the reconciler can act within seconds instead of at the next resync.
 */
@FunctionalInterface
public interface ChangeListener {
    void instanceChanged(String instanceId);
}
