package dev.s3aas.controlplane.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a resource's JSON representation in schema order, with the standard fields. */
public final class View {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private View() {}

    public static View of(String uuid) {
        View v = new View();
        v.fields.put("uuid", uuid);
        v.fields.put("id", uuid);
        return v;
    }

    public View put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Adds {@code project_id, created_at, updated_at} and returns the map to serialise. */
    public Map<String, Object> end(String projectId, long createdAt, long updatedAt) {
        fields.put("project_id", projectId);
        fields.put("created_at", time(createdAt));
        fields.put("updated_at", time(updatedAt));
        return fields;
    }

    public static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
