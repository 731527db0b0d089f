package dev.s3aas.node.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which objects a lifecycle rule applies to (S3 {@code LifecycleRuleFilter}, "Adding filters to Lifecycle
 * rules"): keys starting with {@code prefix}, carrying every tag in {@code tags} (key and value equal; a tag given
 * without a value matches only an empty value; other tags on the object do not matter), and with a size strictly
 * above {@code objectSizeGreaterThan} and strictly below {@code objectSizeLessThan}. Absent parts match everything,
 * so an empty filter matches every object of the bucket.
 *
 * @param and the filter was written as an {@code <And>} of predicates; kept only to answer GET in the form it
 *            was put (the predicates mean the same either way)
 */
public record LifecycleFilter(String prefix, Map<String, String> tags, Long objectSizeGreaterThan,
                              Long objectSizeLessThan, boolean and) {
    /** Every object of the bucket. */
    public static final LifecycleFilter ALL = new LifecycleFilter("", Map.of(), null, null, false);

    public LifecycleFilter {
        prefix = prefix == null ? "" : prefix;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if ((objectSizeGreaterThan != null && objectSizeGreaterThan < 0)
                || (objectSizeLessThan != null && objectSizeLessThan <= 0)) {
            throw new IllegalArgumentException("ObjectSizeGreaterThan must be non-negative and ObjectSizeLessThan "
                    + "positive");
        }
        if (objectSizeGreaterThan != null && objectSizeLessThan != null && objectSizeLessThan <= objectSizeGreaterThan) {
            throw new IllegalArgumentException("ObjectSizeLessThan must be greater than ObjectSizeGreaterThan");
        }
    }

    /** Whether the filter asks for tags or sizes (which delete markers and multipart uploads do not have). */
    public boolean constrainsTagsOrSize() {
        return !tags.isEmpty() || objectSizeGreaterThan != null || objectSizeLessThan != null;
    }

    public boolean matches(String key, long size, Map<String, String> objectTags) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        if (objectSizeGreaterThan != null && size <= objectSizeGreaterThan) {
            return false;
        }
        if (objectSizeLessThan != null && size >= objectSizeLessThan) {
            return false;
        }
        for (var t : tags.entrySet()) {
            if (!t.getValue().equals(objectTags.get(t.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** For things that have only a key (delete markers, multipart uploads): a filter on tags or size never matches. */
    public boolean matchesKeyOnly(String key) {
        return !constrainsTagsOrSize() && key.startsWith(prefix);
    }
}
