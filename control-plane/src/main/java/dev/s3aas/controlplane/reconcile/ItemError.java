package dev.s3aas.controlplane.reconcile;

/** One resource that could not be applied to the data plane; the data plane answered, so others still were. */
public record ItemError(String kind, String uuid, String message) {}
