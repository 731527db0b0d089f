package dev.s3aas.node.storage;

import org.rocksdb.RocksIterator;

/** Finds the record a read addresses: the current version, or a specific version id (current or noncurrent). */
final class VersionReader {
    private final MetaDb db;

    VersionReader(MetaDb db) {
        this.db = db;
    }

    ObjectRecord find(BucketRecord b, String key, String versionId) throws StorageException {
        if (versionId == null) {
            ObjectRecord r = decode(db.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), key)));
            if (r == null) {
                throw noSuchKey(null);
            }
            if (r.deleteMarker()) {
                throw noSuchKey(r.versionId());
            }
            return r;
        }
        if (!VersionIds.isValid(versionId)) {
            throw new StorageException(StorageError.INVALID_ARGUMENT, "Invalid version id specified");
        }
        ObjectRecord r = exact(b, key, versionId);
        if (r == null) {
            throw new StorageException(StorageError.NO_SUCH_VERSION,
                    "The specified version does not exist.");
        }
        if (r.deleteMarker()) {
            throw new StorageException(StorageError.METHOD_NOT_ALLOWED,
                    "The specified method is not allowed against this resource.", r.versionId());
        }
        return r;
    }

    /** Current or noncurrent, read from one snapshot: a concurrent promotion or archive cannot hide it. */
    private ObjectRecord exact(BucketRecord b, String key, String versionId) {
        try (MetaDb.Snapshot view = db.snapshot()) {
            ObjectRecord current = decode(view.get(MetaDb.Cf.OBJECTS, Keys.objectKey(b.id(), key)));
            if (current != null && current.versionId().equals(versionId)) {
                return current;
            }
            if (!VersionIds.NULL.equals(versionId)) {
                return decode(view.get(MetaDb.Cf.VERSIONS, Keys.versionKey(b.id(), key, VersionIds.suffix(versionId))));
            }
            byte[] prefix = Keys.versionPrefix(b.id(), key);
            try (RocksIterator it = view.iterator(MetaDb.Cf.VERSIONS)) {
                for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                    ObjectRecord v = decode(it.value());
                    if (VersionIds.NULL.equals(v.versionId())) {
                        return v;
                    }
                }
            }
            return null;
        }
    }

    private static StorageException noSuchKey(String deleteMarkerVersionId) {
        return new StorageException(StorageError.NO_SUCH_KEY, "The specified key does not exist.", deleteMarkerVersionId);
    }

    private static ObjectRecord decode(byte[] v) {
        return v == null ? null : RecordCodec.decode(v, ObjectRecord.class);
    }
}
