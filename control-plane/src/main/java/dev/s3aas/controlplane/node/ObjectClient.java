package dev.s3aas.controlplane.node;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The S3 object operations the control plane performs on an instance's data plane (for the console's object
 * browser), as the bucket owner: list, list versions, put, get, head, delete. The same S3 calls on both engines
 * (an s3aas node, an RGW gateway), so {@link S3ObjectClient} serves both. Bodies stream both ways: a put reads
 * its body once, as it is sent, and a get hands back the node's stream.
 */
public interface ObjectClient {
    /** ListObjectsV2 (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). */
    ObjectListing listObjects(ListObjects request) throws NodeException;

    /** ListObjectVersions (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html). */
    VersionListing listVersions(ListVersions request) throws NodeException;

    /** PutObject of exactly {@code length} bytes read from {@code body}, which is not closed. */
    PutResult putObject(String bucket, String key, String contentType, long length, InputStream body)
            throws NodeException;

    /** GetObject; the caller closes the result. {@code versionId} null for the current version. */
    ObjectData getObject(String bucket, String key, String versionId) throws NodeException;

    /** HeadObject: the headers of a GetObject without its body. */
    ObjectHead headObject(String bucket, String key, String versionId) throws NodeException;

    /** DeleteObject: with no {@code versionId} on a versioned bucket, a delete marker. */
    DeleteResult deleteObject(String bucket, String key, String versionId) throws NodeException;

    /** @param continuationToken the previous page's {@code NextContinuationToken}, or null */
    record ListObjects(String bucket, String prefix, String delimiter, String continuationToken, int maxKeys) {
        public ListObjects {
            Objects.requireNonNull(bucket);
        }
    }

    /** @param keyMarker and {@code versionIdMarker}: the previous page's {@code NextKeyMarker}/{@code NextVersionIdMarker} */
    record ListVersions(String bucket, String prefix, String delimiter, String keyMarker, String versionIdMarker,
            int maxKeys) {
        public ListVersions {
            Objects.requireNonNull(bucket);
        }
    }

    /** One {@code Contents} entry; {@code etag} without its quotes. */
    record ObjectEntry(String key, long size, String etag, Instant lastModified, String storageClass) {}

    /** @param nextContinuationToken null on the last page */
    record ObjectListing(List<ObjectEntry> objects, List<String> prefixes, String nextContinuationToken) {
        public ObjectListing {
            objects = List.copyOf(objects);
            prefixes = List.copyOf(prefixes);
        }
    }

    /** A {@code Version} or a {@code DeleteMarker} (no size, no etag); {@code versionId} is "null" when unversioned. */
    record VersionEntry(String key, String versionId, boolean latest, boolean deleteMarker, Long size, String etag,
            Instant lastModified) {}

    /** @param nextKeyMarker null on the last page */
    record VersionListing(List<VersionEntry> versions, List<String> prefixes, String nextKeyMarker,
            String nextVersionIdMarker) {
        public VersionListing {
            versions = List.copyOf(versions);
            prefixes = List.copyOf(prefixes);
        }
    }

    /** @param versionId null when the bucket is not versioned */
    record PutResult(String etag, String versionId) {}

    /**
     * What a HeadObject or GetObject reported.
     *
     * @param etag as sent in the {@code ETag} header (quoted)
     * @param lastModified the {@code Last-Modified} header as sent, or null
     */
    record ObjectHead(String contentType, long contentLength, String etag, String lastModified, String versionId) {}

    /** A GetObject's headers and its open body stream. */
    record ObjectData(ObjectHead head, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (java.io.IOException e) {
                // Closing the node's response stream only releases the connection; nothing to report.
            }
        }
    }

    /** @param versionId the version removed, or of the delete marker made; null when unversioned */
    record DeleteResult(boolean deleteMarker, String versionId) {}
}
