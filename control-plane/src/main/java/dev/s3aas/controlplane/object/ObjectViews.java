package dev.s3aas.controlplane.object;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.controlplane.node.ObjectClient;
import java.time.Instant;
import java.util.List;

/** The JSON answers of the object routes (field names as written; the API's mapper is snake_case). */
final class ObjectViews {
    private ObjectViews() {}

    /** One object of a listing; {@code etag} without quotes, {@code last_modified} ISO-8601 UTC. */
    record Item(String key, long size, String etag, String lastModified, String storageClass) {
        static Item of(ObjectClient.ObjectEntry e) {
            return new Item(e.key(), e.size(), e.etag(), time(e.lastModified()), e.storageClass());
        }
    }

    /** A page of a listing: objects, the common prefixes ("folders") and the token of the next page or null. */
    record Listing(List<Item> items, List<String> prefixes, String nextPageToken) {}

    /** One version or delete marker (no size, no etag). */
    record Version(String key, String versionId, @JsonProperty("is_latest") boolean isLatest, boolean deleteMarker,
            Long size, String etag, String lastModified) {
        static Version of(ObjectClient.VersionEntry e) {
            return new Version(e.key(), e.versionId(), e.latest(), e.deleteMarker(), e.size(), e.etag(),
                    time(e.lastModified()));
        }
    }

    record Versions(List<Version> items, List<String> prefixes, String nextPageToken) {}

    /** An upload's result; {@code version_id} null when the bucket is not versioned. */
    record Uploaded(String key, String etag, String versionId, long size) {}

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
