package dev.s3aas.node.storage;

/**
 * Reads inline objects' bytes from the {@code inline} column family through the {@link InlineCache}, checking each
 * value against the CRC32C in its extent when it comes from RocksDB: a cached value was checked when it was
 * cached, so a hit costs nothing. RocksDB checks its own block checksums too; this one also catches a value that
 * does not belong to its record.
 */
final class InlineValues {
    /** 16 MiB of recently read small objects. */
    private final InlineCache cache = new InlineCache(16L << 20);
    private final MetaDb db;
    private final StorageEvents events;

    InlineValues(MetaDb db, StorageEvents events) {
        this.db = db;
        this.events = events;
    }

    /**
     * The object's bytes, null if gone (replaced and released since its record was read).
     *
     * @throws IntegrityException if they do not match the extent's CRC (counted as a read integrity error)
     */
    byte[] read(ObjectInfo info, Extent e) throws IntegrityException {
        byte[] data = cache.get(e.blobId());
        if (data == null) {
            data = db.get(MetaDb.Cf.INLINE, BlobIds.bytes(e.blobId()));
            if (data != null) {
                String damage = check(e, data);
                if (damage != null) {
                    events.integrityError(StorageEvents.IntegritySource.READ);
                    throw new IntegrityException(StoredObjectData.describe(info, e) + ": " + damage);
                }
                cache.put(e.blobId(), data);
            }
        }
        return data;
    }

    /** What is wrong with an inline value, or null if it matches its extent (or the extent has no CRC). */
    static String check(Extent e, byte[] data) {
        if (e.valueCrc() == null) {
            return null;
        }
        int computed = BlockChecksums.of(data);
        return computed == e.valueCrc() ? null
                : String.format("inline value failed its CRC32C (stored %08x, computed %08x)", e.valueCrc(), computed);
    }
}
