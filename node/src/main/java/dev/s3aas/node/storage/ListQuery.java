package dev.s3aas.node.storage;

/**
 * One page of a ListObjects request in storage terms.
 *
 * @param startAfter list keys strictly greater than this one (v1 marker, v2 start-after or the key a
 *        continuation token encodes); empty for the beginning
 * @param delimiter null or empty for none
 * @param maxKeys 0..1000; keys and common prefixes both count
 */
public record ListQuery(String bucket, String prefix, String delimiter, String startAfter, int maxKeys) {
    public ListQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        startAfter = startAfter == null ? "" : startAfter;
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys must be >= 0");
        }
    }
}
