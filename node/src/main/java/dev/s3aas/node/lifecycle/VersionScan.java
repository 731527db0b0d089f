package dev.s3aas.node.lifecycle;

import dev.s3aas.node.storage.DeleteTarget;
import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.LifecycleConfiguration.Rule;
import dev.s3aas.node.storage.LifecycleDeletion;
import dev.s3aas.node.storage.ListVersionsQuery;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectLock;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.VersionsPage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One pass over one bucket's versions, in ListObjectVersions order (by key; per key the current version, then
 * noncurrent versions newest first), deciding per version what its bucket's enabled rules ask for (S3 "Expiring
 * objects", "Lifecycle configuration elements"):
 * <ul>
 *   <li>a current version past its Expiration (Days from creation, or a Date) expires;</li>
 *   <li>a current delete marker that is its key's only version goes if a rule sets ExpiredObjectDeleteMarker,
 *       or if its age satisfies a rule's Expiration Days ("When you specify the Days tag, Amazon S3 automatically
 *       performs ExpiredObjectDeleteMarker cleanup when the delete markers are old enough");</li>
 *   <li>a noncurrent version goes NoncurrentDays after it became noncurrent — the creation of the next newer
 *       version — unless it is among the NewerNoncurrentVersions newest noncurrent versions of its key, or Object
 *       Lock keeps it.</li>
 * </ul>
 *
 * <p>Memory is one listing page plus one batch of deletions, whatever the bucket holds. Each version is decided
 * only once the entry after it has been read (whether a delete marker is alone needs the next entry), which also
 * means the next page is fetched before anything is done to the previous page's last entry: that entry is the
 * listing's resume marker, and removing it first would make the next page skip the rest of its key.
 */
final class VersionScan {
    private static final int PAGE = 1000;
    private static final int BATCH = 100;

    private final ObjectStore store;
    private final String bucket;
    private final LifecycleConfiguration config;
    private final Instant now;
    private final List<LifecycleDeletion> batch = new ArrayList<>();
    private int expired;
    private int noncurrentRemoved;
    private int markersRemoved;
    private int locked;

    /** The key being walked, when its previous (newer) version was created, and how many noncurrent seen. */
    private String key;
    private Instant successorCreated;
    private int noncurrentSeen;

    VersionScan(ObjectStore store, String bucket, LifecycleConfiguration config, Instant now) {
        this.store = store;
        this.bucket = bucket;
        this.config = config;
        this.now = now;
    }

    /** Whether any enabled rule acts on versions (as opposed to only on multipart uploads). */
    static boolean needed(LifecycleConfiguration config) {
        return config.anyEnabled(r -> r.expiration() != null || r.noncurrentExpiration() != null);
    }

    PassReport run() throws StorageException, IOException {
        Cursor cursor = new Cursor(Prefixes.common(config, r -> r.expiration() != null || r.noncurrentExpiration() != null));
        VersionsPage.Entry pending = cursor.next();
        while (pending != null) {
            VersionsPage.Entry next = cursor.next();
            decide(pending, next);
            pending = next;
        }
        flush();
        return new PassReport(0, expired, noncurrentRemoved, markersRemoved, 0, locked);
    }

    private void decide(VersionsPage.Entry e, VersionsPage.Entry next) throws StorageException, IOException {
        ObjectInfo v = e.info();
        if (!v.key().equals(key)) {
            key = v.key();
            successorCreated = null;
            noncurrentSeen = 0;
        }
        if (e.latest()) {
            if (!v.deleteMarker()) {
                if (currentVersionDue(v)) {
                    add(new LifecycleDeletion.CurrentVersion(v.key(), v.versionId(), v.lastModified()));
                }
            } else if ((next == null || !next.info().key().equals(v.key())) && deleteMarkerDue(v)) {
                add(new LifecycleDeletion.ExpiredDeleteMarker(v.key(), v.versionId()));
            }
        } else {
            // A noncurrent entry whose newer version is unknown (the key changed between two pages) waits for
            // the next pass rather than guessing when it became noncurrent.
            if (successorCreated != null && noncurrentDue(v, successorCreated, noncurrentSeen)) {
                if (lockedNow(v.metadata().lock())) {
                    locked++;
                } else {
                    add(new LifecycleDeletion.NoncurrentVersion(v.key(), v.versionId(), v.lastModified()));
                }
            }
            noncurrentSeen++;
        }
        successorCreated = v.lastModified();
    }

    private boolean currentVersionDue(ObjectInfo v) {
        return config.currentVersionExpiry(v.key(), v.size(), v.metadata().tags(), v.lastModified())
                .map(x -> !now.isBefore(x.date())).orElse(false);
    }

    private boolean deleteMarkerDue(ObjectInfo marker) {
        for (Rule r : config.rules()) {
            if (!r.enabled() || r.expiration() == null || !r.filter().matchesKeyOnly(marker.key())) {
                continue;
            }
            if (Boolean.TRUE.equals(r.expiration().expiredObjectDeleteMarker())) {
                return true;
            }
            Integer days = r.expiration().days();
            if (days != null && !now.isBefore(LifecycleConfiguration.dueAfter(marker.lastModified(), days))) {
                return true;
            }
        }
        return false;
    }

    /** @param newer how many noncurrent versions of the key are newer than {@code v} */
    private boolean noncurrentDue(ObjectInfo v, Instant becameNoncurrent, int newer) {
        for (Rule r : config.rules()) {
            LifecycleConfiguration.NoncurrentExpiration n = r.noncurrentExpiration();
            if (r.enabled() && n != null && newer >= n.keep()
                    && r.filter().matches(v.key(), v.size(), v.metadata().tags())
                    && !now.isBefore(LifecycleConfiguration.dueAfter(becameNoncurrent, n.noncurrentDays()))) {
                return true;
            }
        }
        return false;
    }

    /** Checked here to spare a refused commit; storage checks again inside the commit, and that check decides. */
    private boolean lockedNow(ObjectLock lock) {
        return lock != null && (lock.legalHold() || lock.retainedAt(now.toEpochMilli()));
    }

    private void add(LifecycleDeletion d) throws StorageException, IOException {
        batch.add(d);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() throws StorageException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<DeleteTarget.Result> results = store.expire(bucket, batch);
        for (int i = 0; i < results.size(); i++) {
            DeleteTarget.Result r = results.get(i);
            if (r.error() != null) {
                if (r.error().error() != StorageError.OBJECT_LOCKED) {
                    throw r.error();
                }
                locked++;
            } else if (r.outcome().existed()) {
                switch (batch.get(i)) {
                    case LifecycleDeletion.CurrentVersion c -> expired++;
                    case LifecycleDeletion.NoncurrentVersion n -> noncurrentRemoved++;
                    case LifecycleDeletion.ExpiredDeleteMarker m -> markersRemoved++;
                }
            }
        }
        batch.clear();
    }

    /** The bucket's versions under {@code prefix}, one page in memory at a time. */
    private final class Cursor {
        private final String prefix;
        private String keyMarker = "";
        private String versionIdMarker;
        private Iterator<VersionsPage.Entry> page;
        private boolean more = true;

        Cursor(String prefix) {
            this.prefix = prefix;
        }

        VersionsPage.Entry next() throws StorageException {
            while (page == null || !page.hasNext()) {
                if (!more || Thread.currentThread().isInterrupted()) {
                    return null; // the node is stopping: the next pass (after the restart) starts over
                }
                VersionsPage p = store.listObjectVersions(
                        new ListVersionsQuery(bucket, prefix, null, keyMarker, versionIdMarker, PAGE));
                page = p.versions().iterator();
                more = p.truncated() && p.nextKeyMarker() != null;
                keyMarker = p.nextKeyMarker();
                versionIdMarker = p.nextVersionIdMarker();
            }
            return page.next();
        }
    }
}
