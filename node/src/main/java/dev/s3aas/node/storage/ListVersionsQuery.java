package dev.s3aas.node.storage;

/**
 * A page of ListObjectVersions: versions by key, newest first within a key; resume after
 * ({@code keyMarker}, {@code versionIdMarker}).
 */
public record ListVersionsQuery(String bucket, String prefix, String delimiter, String keyMarker,
                                String versionIdMarker, int maxKeys) {
    public ListVersionsQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        keyMarker = keyMarker == null ? "" : keyMarker;
        versionIdMarker = versionIdMarker == null || versionIdMarker.isEmpty() ? null : versionIdMarker;
    }
}
