package dev.s3aas.node.storage;

/** Result of a DeleteObject: whether a version existed, and the delete marker's version id if one was made. */
public record DeleteOutcome(boolean existed, String versionId, boolean deleteMarker) {}
