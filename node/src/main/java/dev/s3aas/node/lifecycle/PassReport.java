package dev.s3aas.node.lifecycle;

/**
 * What one lifecycle pass did, summed over buckets.
 *
 * @param expired current versions expired (a delete marker added, or deleted in an unversioned bucket)
 * @param noncurrentRemoved noncurrent versions removed for good
 * @param markersRemoved expired object delete markers removed
 * @param uploadsAborted incomplete multipart uploads aborted
 * @param locked versions that were due but kept by Object Lock (retention or legal hold)
 */
public record PassReport(int buckets, int expired, int noncurrentRemoved, int markersRemoved, int uploadsAborted,
                         int locked) {
    static final PassReport NONE = new PassReport(0, 0, 0, 0, 0, 0);
    static final PassReport ONE_BUCKET = new PassReport(1, 0, 0, 0, 0, 0);

    PassReport plus(PassReport o) {
        return new PassReport(buckets + o.buckets, expired + o.expired, noncurrentRemoved + o.noncurrentRemoved,
                markersRemoved + o.markersRemoved, uploadsAborted + o.uploadsAborted, locked + o.locked);
    }

    boolean didAnything() {
        return expired + noncurrentRemoved + markersRemoved + uploadsAborted > 0;
    }
}
