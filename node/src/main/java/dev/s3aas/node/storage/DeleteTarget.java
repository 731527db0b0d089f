package dev.s3aas.node.storage;

/** One key of a DeleteObjects request: which version (null: the current one) and whether to bypass governance. */
public record DeleteTarget(String key, String versionId, boolean bypassGovernance) {
    /** A target's outcome: what was deleted, or why it was refused. */
    public record Result(DeleteOutcome outcome, StorageException error) {}
}
