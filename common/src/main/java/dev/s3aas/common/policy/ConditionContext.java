package dev.s3aas.common.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request context's condition keys and their values (IAM "Policy evaluation logic", request context).
 * A key has one or more string values; a key with no value is absent.
 *
 * <p>Key names are case-insensitive, as IAM treats them ("Condition key names are not case-sensitive",
 * IAM JSON policy elements: Condition), except for the part after the first {@code /}: in
 * {@code s3:ExistingObjectTag/Project} the tag key {@code Project} is case-sensitive like S3 tag keys are.
 *
 * <p>Built once per request by the node; immutable and safe to share.
 */
public final class ConditionContext {

    private static final ConditionContext EMPTY = new ConditionContext(Map.of());

    private final Map<String, List<String>> values;

    private ConditionContext(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ConditionContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of {@code key}, empty if the request has no such key. */
    public List<String> get(String key) {
        return lookup(normalizeKey(key));
    }

    /** Lookup by a key already passed through {@link #normalizeKey}; does not allocate. */
    List<String> lookup(String normalizedKey) {
        List<String> v = values.get(normalizedKey);
        return v == null ? List.of() : v;
    }

    /** Lower-cases the key name but not a tag key after the first {@code /}. */
    static String normalizeKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return key.toLowerCase(Locale.ROOT);
        }
        return key.substring(0, slash).toLowerCase(Locale.ROOT) + key.substring(slash);
    }

    @Override
    public String toString() {
        return "ConditionContext" + values;
    }

    /** Collects keys; a later {@code put} of the same key replaces, {@code add} appends a value. */
    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {
        }

        public Builder put(String key, String value) {
            Objects.requireNonNull(value, "value");
            values.put(normalizeKey(key), List.of(value));
            return this;
        }

        public Builder put(String key, Collection<String> keyValues) {
            List<String> copy = List.copyOf(keyValues);
            if (copy.isEmpty()) {
                values.remove(normalizeKey(key));
            } else {
                values.put(normalizeKey(key), copy);
            }
            return this;
        }

        public Builder add(String key, String value) {
            Objects.requireNonNull(value, "value");
            String k = normalizeKey(key);
            List<String> merged = new ArrayList<>(values.getOrDefault(k, List.of()));
            merged.add(value);
            values.put(k, List.copyOf(merged));
            return this;
        }

        public ConditionContext build() {
            return values.isEmpty() ? EMPTY : new ConditionContext(Map.copyOf(values));
        }
    }
}
