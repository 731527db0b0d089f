package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one resource and the strict reading of request bodies against them: an unknown
 * field or a wrong type is a 400 naming the field; a read-only field, or an immutable one on
 * update, is a 409 naming the field. Nothing is silently ignored.
 */
public record ResourceSchema(String name, List<FieldSpec> fields) {
    public ResourceSchema {
        fields = List.copyOf(fields);
    }

    /** A schema with the fields every resource has ({@code uuid, id, created_at, updated_at, project_id}). */
    public static ResourceSchema standard(String name, FieldSpec... own) {
        List<FieldSpec> all = new ArrayList<>();
        all.add(FieldSpec.readOnly("uuid", Type.STRING, "Identifier"));
        all.add(FieldSpec.readOnly("id", Type.STRING, "Same as uuid"));
        all.addAll(List.of(own));
        all.add(FieldSpec.readOnly("project_id", Type.STRING, "Owning project"));
        all.add(FieldSpec.readOnly("created_at", Type.DATETIME, "Creation time (ISO-8601 UTC)"));
        all.add(FieldSpec.readOnly("updated_at", Type.DATETIME, "Last update time (ISO-8601 UTC)"));
        return new ResourceSchema(name, all);
    }

    /** This schema with {@code field} in place of the standard field of the same name. */
    public ResourceSchema replacing(FieldSpec field) {
        if (fields.stream().noneMatch(f -> f.name().equals(field.name()))) {
            throw new IllegalArgumentException(name + " has no field " + field.name());
        }
        return new ResourceSchema(name, fields.stream().map(f -> f.name().equals(field.name()) ? field : f).toList());
    }

    public Map<String, FieldSpec> byName() {
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.name(), f));
        return m;
    }

    /** Reads a create body: required fields present, nothing read-only. */
    public JsonInput parseCreate(JsonNode body) {
        ObjectNode obj = requireObject(body);
        Map<String, FieldSpec> specs = byName();
        checkFields(obj, specs, false);
        for (FieldSpec f : fields) {
            if (f.required() && (!obj.has(f.name()) || obj.get(f.name()).isNull())) {
                throw new ApiError.Invalid("missing_field", "field '" + f.name() + "' is required", f.name());
            }
        }
        return new JsonInput(obj);
    }

    /** Reads an update (PATCH) body: only read-write fields. */
    public JsonInput parsePatch(JsonNode body) {
        ObjectNode obj = requireObject(body);
        checkFields(obj, byName(), true);
        return new JsonInput(obj);
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new ApiError.Invalid("invalid_body", "a JSON object body is required", null);
        }
        if (!(body instanceof ObjectNode obj)) {
            throw new ApiError.Invalid("invalid_body", "the body must be a JSON object", null);
        }
        return obj;
    }

    private void checkFields(ObjectNode obj, Map<String, FieldSpec> specs, boolean patch) {
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            FieldSpec spec = specs.get(e.getKey());
            if (spec == null) {
                throw new ApiError.Invalid("unknown_field", "unknown field '" + e.getKey() + "' for " + name, e.getKey());
            }
            checkAccess(spec, patch);
            checkType(spec, e.getValue());
        }
    }

    private static void checkAccess(FieldSpec spec, boolean patch) {
        switch (spec.access()) {
            case READ_ONLY, HIDDEN -> throw new ApiError.Conflict(
                    "read_only_field", "field '" + spec.name() + "' is read-only", spec.name());
            case CREATE_ONLY, SECRET_ON_CREATE -> {
                if (patch) {
                    throw new ApiError.Conflict(
                            "immutable_field", "field '" + spec.name() + "' cannot be changed after creation", spec.name());
                }
            }
            case READ_WRITE, WRITE_ONLY -> { }
        }
    }

    private static void checkType(FieldSpec spec, JsonNode v) {
        if (v.isNull()) {
            if (!spec.nullable()) {
                throw new ApiError.Invalid("invalid_type", "field '" + spec.name() + "' must not be null", spec.name());
            }
            return;
        }
        boolean ok = switch (spec.type()) {
            case STRING, DATETIME -> v.isTextual();
            case BOOLEAN -> v.isBoolean();
            case INTEGER -> v.isIntegralNumber() && v.canConvertToLong();
            case JSON_OBJECT -> v.isObject() || v.isTextual();
            case NODE_LIST -> v.isArray();
            case STRING_LIST -> v.isArray() && allText(v);
            case OBJECT_LIST -> v.isArray();
        };
        if (!ok) {
            throw new ApiError.Invalid("invalid_type",
                    "field '" + spec.name() + "' must be " + typeName(spec.type()), spec.name());
        }
    }

    static String typeName(Type t) {
        return switch (t) {
            case STRING -> "a string";
            case DATETIME -> "an ISO-8601 date-time string";
            case BOOLEAN -> "a boolean";
            case INTEGER -> "an integer";
            case JSON_OBJECT -> "a JSON object";
            case NODE_LIST -> "an array";
            case STRING_LIST -> "an array of strings";
            case OBJECT_LIST -> "an array of objects";
        };
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** True when a field is part of the create response but never of later reads. */
    public static boolean secretOnCreate(FieldSpec f) {
        return f.access() == Access.SECRET_ON_CREATE;
    }
}
