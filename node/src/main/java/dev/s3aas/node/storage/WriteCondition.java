package dev.s3aas.node.storage;

/**
 * Conditional-write preconditions (PutObject / CompleteMultipartUpload {@code If-None-Match: *} and
 * {@code If-Match: <etag>}). They are checked inside the single-writer commit, so they are atomic with respect
 * to concurrent writers of the same key.
 */
public sealed interface WriteCondition {
    Unconditional NONE = new Unconditional();

    /** Always write. */
    record Unconditional() implements WriteCondition {}

    /** Write only if no current object exists (If-None-Match: *). */
    record IfAbsent() implements WriteCondition {}

    /** Write only if the current object's ETag equals one of these (If-Match); "*" means any existing object. */
    record IfMatch(java.util.List<String> etags) implements WriteCondition {
        public IfMatch {
            etags = java.util.List.copyOf(etags);
        }
    }
}
