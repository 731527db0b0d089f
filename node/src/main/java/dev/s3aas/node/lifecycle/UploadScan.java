package dev.s3aas.node.lifecycle;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.LifecycleConfiguration.Rule;
import dev.s3aas.node.storage.ListUploadsQuery;
import dev.s3aas.node.storage.MultipartUpload;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageError;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.UploadsPage;
import java.io.IOException;
import java.time.Instant;

/**
 * AbortIncompleteMultipartUpload for one bucket: an upload still open DaysAfterInitiation days (rounded up to
 * midnight UTC, as every lifecycle day count) after it was initiated is aborted through the store's normal abort,
 * which releases its parts' data and usage. One listing page in memory at a time; aborting the page's last upload
 * does not disturb the next page, whose listing seeks past the marker whether or not it still exists.
 */
final class UploadScan {
    private static final int PAGE = 1000;

    private final ObjectStore store;
    private final String bucket;
    private final LifecycleConfiguration config;
    private final Instant now;

    UploadScan(ObjectStore store, String bucket, LifecycleConfiguration config, Instant now) {
        this.store = store;
        this.bucket = bucket;
        this.config = config;
        this.now = now;
    }

    static boolean needed(LifecycleConfiguration config) {
        return config.anyEnabled(r -> r.abortIncompleteMultipartUploadDays() != null);
    }

    PassReport run() throws StorageException, IOException {
        String prefix = Prefixes.common(config, r -> r.abortIncompleteMultipartUploadDays() != null);
        String keyMarker = null;
        String uploadIdMarker = null;
        int aborted = 0;
        while (true) {
            UploadsPage page = store.listMultipartUploads(
                    new ListUploadsQuery(bucket, prefix, null, keyMarker, uploadIdMarker, PAGE));
            for (MultipartUpload u : page.uploads()) {
                if (due(u) && abort(u)) {
                    aborted++;
                }
            }
            if (!page.truncated() || page.nextKeyMarker() == null || Thread.currentThread().isInterrupted()) {
                return new PassReport(0, 0, 0, 0, aborted, 0);
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }

    private boolean due(MultipartUpload u) {
        for (Rule r : config.rules()) {
            Integer days = r.abortIncompleteMultipartUploadDays();
            if (r.enabled() && days != null && r.filter().matchesKeyOnly(u.key())
                    && !now.isBefore(LifecycleConfiguration.dueAfter(u.initiated(), days))) {
                return true;
            }
        }
        return false;
    }

    /** False when the upload was completed or aborted by its client meanwhile. */
    private boolean abort(MultipartUpload u) throws StorageException, IOException {
        try {
            store.abortMultipartUpload(bucket, u.key(), u.uploadId());
            return true;
        } catch (StorageException e) {
            if (e.error() == StorageError.NO_SUCH_UPLOAD) {
                return false;
            }
            throw e;
        }
    }
}
