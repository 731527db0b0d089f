package dev.s3aas.node.storage;

/**
 * Turns a {@link LifecycleDeletion} into a commit: its premise is checked against the state at that instant,
 * then the same {@link ObjectWrites} paths as DeleteObject do the work, so usage, quotas and blob collection
 * stay exact. Object Lock is enforced as for any client, with no governance bypass: a retained or held version
 * is refused ({@link StorageError#OBJECT_LOCKED}) and stays. A bucket with MFA delete on is not touched beyond
 * adding delete markers: removing a version there needs the root account's code, which a background task
 * does not have.
 */
final class LifecycleExpirer {
    private final ObjectWrites writes;

    LifecycleExpirer(ObjectWrites writes) {
        this.writes = writes;
    }

    /** {@code existed = false} in the outcome when the premise no longer held and nothing was done. */
    Committer.Mutation<DeleteOutcome> mutation(byte[] bucketKey, LifecycleDeletion d) {
        return txn -> {
            BucketRecord b = ObjectWrites.bucketIn(txn, bucketKey);
            ObjectRecord current = decode(txn.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), d.key())));
            return switch (d) {
                case LifecycleDeletion.CurrentVersion c -> {
                    if (current == null || current.deleteMarker() || !current.versionId().equals(c.versionId())
                            || current.lastModifiedMillis() != c.lastModified().toEpochMilli()) {
                        yield nothing(c.versionId());
                    }
                    yield writes.deleteCurrent(txn, b, c.key());
                }
                case LifecycleDeletion.NoncurrentVersion n -> {
                    byte[] vk = b.config().mfaDeleteEnabled() ? null : writes.findNoncurrent(txn, b, n.key(), n.versionId());
                    ObjectRecord v = vk == null ? null : decode(txn.get(MetaDb.Cf.VERSIONS, vk));
                    if (v == null || v.lastModifiedMillis() != n.lastModified().toEpochMilli()) {
                        yield nothing(n.versionId());
                    }
                    yield writes.deleteVersion(txn, b, n.key(), n.versionId(), false);
                }
                case LifecycleDeletion.ExpiredDeleteMarker m -> {
                    boolean alone = current != null && current.deleteMarker()
                            && current.versionId().equals(m.versionId())
                            && txn.scan(MetaDb.Cf.VERSIONS, Keys.versionPrefix(b.id(), m.key()), 1).isEmpty();
                    if (!alone || b.config().mfaDeleteEnabled()) {
                        yield nothing(m.versionId());
                    }
                    yield writes.deleteVersion(txn, b, m.key(), m.versionId(), false);
                }
            };
        };
    }

    private static DeleteOutcome nothing(String versionId) {
        return new DeleteOutcome(false, versionId, false);
    }

    private static ObjectRecord decode(byte[] v) {
        return v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
    }
}
