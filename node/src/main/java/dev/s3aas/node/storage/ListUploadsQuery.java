package dev.s3aas.node.storage;

/** A page of ListMultipartUploads: uploads are ordered by key, then by initiation time. */
public record ListUploadsQuery(String bucket, String prefix, String delimiter, String keyMarker, String uploadIdMarker,
                               int maxUploads) {
    public ListUploadsQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        keyMarker = keyMarker == null ? "" : keyMarker;
        uploadIdMarker = uploadIdMarker == null || uploadIdMarker.isEmpty() ? null : uploadIdMarker;
    }
}
