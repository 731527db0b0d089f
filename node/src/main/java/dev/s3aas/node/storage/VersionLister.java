package dev.s3aas.node.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * ListObjectVersions. Keys come from the {@code objects} column family (every key with versions has a current
 * record, possibly a delete marker); for each key the current version is listed first, then its noncurrent
 * versions from {@code versions}, newest first — S3's order. Paging resumes after (key-marker,
 * version-id-marker); with a delimiter, common prefixes are skipped in one seek, as in {@link Lister}.
 */
final class VersionLister {
    private final MetaDb db;

    VersionLister(MetaDb db) {
        this.db = db;
    }

    private static final class Page {
        final List<VersionsPage.Entry> versions = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        final int max;
        boolean truncated;
        String nextKey;
        String nextVersion;

        Page(int max) {
            this.max = max;
        }

        boolean full() {
            return versions.size() + prefixes.size() >= max;
        }
    }

    VersionsPage list(BucketRecord bucket, ListVersionsQuery q) {
        Page page = new Page(q.maxKeys());
        if (q.maxKeys() == 0) {
            return new VersionsPage(List.of(), List.of(), false, null, null);
        }
        byte[] prefix = Keys.objectKey(bucket.id(), q.prefix());
        byte[] marker = q.keyMarker().isEmpty() ? null : Keys.objectKey(bucket.id(), q.keyMarker());
        byte[] delimiter = q.delimiter() == null ? null : Keys.utf8(q.delimiter());
        // One snapshot for both column families: a concurrent write moves a version from current to
        // noncurrent (or back), and two independent views could list it twice or not at all.
        try (MetaDb.Snapshot view = db.snapshot(); RocksIterator it = view.iterator(MetaDb.Cf.OBJECTS);
             RocksIterator vit = view.iterator(MetaDb.Cf.VERSIONS)) {
            it.seek(marker != null && Arrays.compareUnsigned(marker, prefix) > 0 ? marker : prefix);
            while (!page.truncated && it.isValid() && Keys.startsWith(it.key(), prefix)) {
                byte[] k = it.key();
                byte[] cp = delimiter == null ? null : Lister.commonPrefix(k, prefix.length, delimiter);
                if (cp != null) {
                    if (marker == null || Arrays.compareUnsigned(cp, marker) > 0) {
                        addPrefix(page, Keys.objectName(cp));
                    }
                    Lister.seekPast(it, cp);
                    continue;
                }
                boolean isMarkerKey = marker != null && Arrays.equals(k, marker);
                if (!isMarkerKey || q.versionIdMarker() != null) {
                    addVersions(page, vit, bucket, Keys.objectName(k), it.value(),
                            isMarkerKey ? q.versionIdMarker() : null);
                }
                it.next();
            }
        }
        return new VersionsPage(page.versions, page.prefixes, page.truncated, page.truncated ? page.nextKey : null,
                page.truncated ? page.nextVersion : null);
    }

    private static void addPrefix(Page page, String cp) {
        if (page.full()) {
            page.truncated = true;
            return;
        }
        page.prefixes.add(cp);
        page.nextKey = cp;
        page.nextVersion = null;
    }

    /** Adds the key's versions newest first, skipping those up to and including {@code afterVersion}. */
    private void addVersions(Page page, RocksIterator vit, BucketRecord bucket, String key, byte[] currentBytes,
                             String afterVersion) {
        ObjectRecord current = RecordCodec.decode(currentBytes, ObjectRecord.class);
        boolean skipping = afterVersion != null;
        if (skipping && current.versionId().equals(afterVersion)) {
            skipping = false;
        } else if (!skipping && !add(page, bucket, key, current, true)) {
            return;
        }
        byte[] vp = Keys.versionPrefix(bucket.id(), key);
        for (vit.seek(vp); vit.isValid() && Keys.startsWith(vit.key(), vp); vit.next()) {
            ObjectRecord v = RecordCodec.decode(vit.value(), ObjectRecord.class);
            if (skipping) {
                skipping = !v.versionId().equals(afterVersion);
                continue;
            }
            if (!add(page, bucket, key, v, false)) {
                return;
            }
        }
    }

    private static boolean add(Page page, BucketRecord bucket, String key, ObjectRecord v, boolean latest) {
        if (page.full()) {
            page.truncated = true;
            return false;
        }
        page.versions.add(new VersionsPage.Entry(v.toInfo(bucket.name(), key), latest));
        page.nextKey = key;
        page.nextVersion = v.versionId();
        return true;
    }
}
