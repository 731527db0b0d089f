package dev.s3aas.controlplane.instance;

/**
 * Lifecycle of an instance: PENDING (stored, not yet picked up) → CREATING (nodes being
 * provisioned) → ACTIVE (nodes serve and match the desired state); ERROR (the last attempt failed:
 * status_reason says why, retries continue); DELETING (finalizer running: nodes stopped, data
 * removed, then the row goes).
 */
public enum InstanceStatus { PENDING, CREATING, ACTIVE, ERROR, DELETING }
