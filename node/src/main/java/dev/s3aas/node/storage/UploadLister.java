package dev.s3aas.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * ListMultipartUploads over the {@code uploads} column family (keys {@code bucketId‖key‖0x00‖uploadId}):
 * ordered by key then initiation, with prefix, delimiter (common prefixes skipped in one seek, as in
 * {@link Lister}), key-marker and upload-id-marker.
 */
final class UploadLister {
    private final MetaDb db;

    UploadLister(MetaDb db) {
        this.db = db;
    }

    UploadsPage list(BucketRecord bucket, ListUploadsQuery q) {
        if (q.maxUploads() == 0) {
            return new UploadsPage(List.of(), List.of(), false, null, null);
        }
        byte[] prefix = Keys.objectKey(bucket.id(), q.prefix());
        byte[] markerKey = q.keyMarker().isEmpty() ? null : Keys.objectKey(bucket.id(), q.keyMarker());
        byte[] delimiter = q.delimiter() == null ? null : Keys.utf8(q.delimiter());
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String nextKey = null;
        String nextUpload = null;
        boolean truncated = false;
        try (RocksIterator it = db.iterator(MetaDb.Cf.UPLOADS)) {
            it.seek(start(bucket, q, prefix, markerKey));
            while (it.isValid() && Keys.startsWith(it.key(), prefix)) {
                byte[] k = it.key();
                String name = Keys.uploadObjectName(k);
                byte[] nameKey = Keys.objectKey(bucket.id(), name);
                byte[] cp = delimiter == null ? null : Lister.commonPrefix(nameKey, prefix.length, delimiter);
                if (cp != null && markerKey != null && Arrays.compareUnsigned(cp, markerKey) <= 0) {
                    Lister.seekPast(it, cp);
                    continue;
                }
                if (uploads.size() + prefixes.size() == q.maxUploads()) {
                    truncated = true;
                    break;
                }
                if (cp != null) {
                    nextKey = Keys.objectName(cp);
                    nextUpload = null;
                    prefixes.add(nextKey);
                    Lister.seekPast(it, cp);
                } else {
                    MultipartUpload u = RecordCodec.decode(it.value(), UploadRecord.class).toUpload(bucket.name());
                    uploads.add(u);
                    nextKey = u.key();
                    nextUpload = u.uploadId();
                    it.next();
                }
            }
        }
        return new UploadsPage(uploads, prefixes, truncated, truncated ? nextKey : null, truncated ? nextUpload : null);
    }

    /** Where listing starts: after the marker upload, or after every upload of the marker key. */
    private static byte[] start(BucketRecord bucket, ListUploadsQuery q, byte[] prefix, byte[] markerKey) {
        if (markerKey == null) {
            return prefix;
        }
        byte[] from;
        if (q.uploadIdMarker() != null) {
            from = Keys.uploadKey(bucket.id(), q.keyMarker(), q.uploadIdMarker());
            from = Arrays.copyOf(from, from.length + 1);
        } else {
            from = Arrays.copyOf(markerKey, markerKey.length + 1);
            from[from.length - 1] = 0x01;
        }
        return Arrays.compareUnsigned(from, prefix) > 0 ? from : prefix;
    }
}
