package dev.s3aas.node.storage;

import java.util.List;

/**
 * A page of ListObjectVersions: versions (and delete markers) in S3 order, each with whether it is the
 * latest, plus common prefixes.
 */
public record VersionsPage(List<Entry> versions, List<String> commonPrefixes, boolean truncated, String nextKeyMarker,
                           String nextVersionIdMarker) {
    public VersionsPage {
        versions = List.copyOf(versions);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    public record Entry(ObjectInfo info, boolean latest) {}
}
