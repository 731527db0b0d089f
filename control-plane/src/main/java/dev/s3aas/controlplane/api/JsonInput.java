package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A request body already checked against its {@link ResourceSchema}: typed accessors only. */
public final class JsonInput {
    private final ObjectNode obj;

    JsonInput(ObjectNode obj) {
        this.obj = obj;
    }

    public boolean has(String field) {
        return obj.has(field);
    }

    public boolean isNull(String field) {
        return obj.has(field) && obj.get(field).isNull();
    }

    public String string(String field, String fallback) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? fallback : v.textValue();
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? fallback : v.booleanValue();
    }

    public long integer(String field, long fallback) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? fallback : v.longValue();
    }

    /**
     * An int-valued field. The schema only checks that the JSON number fits a long, so a value beyond
     * the int range is refused here instead of being truncated (4294967297 must not become 1).
     */
    public int intValue(String field, int fallback) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt()) {
            throw ApiError.invalid(field, "field '" + field + "' is out of range");
        }
        return v.intValue();
    }

    public Integer nullableInt(String field, Integer fallback) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt()) {
            throw ApiError.invalid(field, "field '" + field + "' is out of range");
        }
        return v.intValue();
    }

    /** A list of strings (the schema checked the element types), or {@code fallback} when absent or null. */
    public java.util.List<String> strings(String field, java.util.List<String> fallback) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        v.forEach(e -> out.add(e.textValue()));
        return out;
    }

    public JsonNode node(String field) {
        return obj.get(field);
    }

    /** An ISO-8601 instant, or null when absent or null. */
    public Instant instant(String field) {
        String s = string(field, null);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(field, "field '" + field + "' must be an ISO-8601 UTC date-time such as 2030-01-01T00:00:00Z");
        }
    }
}
