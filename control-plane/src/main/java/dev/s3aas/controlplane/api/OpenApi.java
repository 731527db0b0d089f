package dev.s3aas.controlplane.api;

import dev.s3aas.controlplane.api.FieldSpec.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the OpenAPI 3 document from the route table and the resource schemas at startup, so
 * the document and the code cannot disagree.
 */
public final class OpenApi {
    private OpenApi() {}

    public static Map<String, Object> document(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "s3aas control plane", "version", version,
                "description", "S3 instances as a service: instances, buckets, IAM users, policies and access keys."));
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", errorSchema());
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            for (ResourceSchema s : new ResourceSchema[] {r.request(), r.response()}) {
                if (s != null) {
                    schemas.putIfAbsent(schemaName(s), schema(s));
                }
            }
            paths.computeIfAbsent(r.template(), k -> new LinkedHashMap<>())
                    .put(r.method().toLowerCase(Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
        return doc;
    }

    private static String schemaName(ResourceSchema s) {
        StringBuilder b = new StringBuilder();
        for (String part : s.name().split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static Map<String, Object> ref(ResourceSchema s) {
        return Map.of("$ref", "#/components/schemas/" + schemaName(s));
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.summary());
        op.put("operationId", r.method().toLowerCase(Locale.ROOT) + r.template().replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("x-permission", r.permission());
        List<Map<String, Object>> params = new ArrayList<>();
        for (String seg : r.template().split("/")) {
            if (seg.startsWith("{")) {
                String name = seg.substring(1, seg.length() - 1);
                params.add(Map.of("name", name, "in", "path", "required", true,
                        "description", "uuid or name", "schema", Map.of("type", "string")));
            }
        }
        if (r.shape() == Route.Shape.LIST) {
            params.add(Map.of("name", "limit", "in", "query", "schema", Map.of("type", "integer", "minimum", 1, "maximum", 1000)));
            params.add(Map.of("name", "marker", "in", "query", "description", "uuid of the last item of the previous page",
                    "schema", Map.of("type", "string")));
            params.add(Map.of("name", "name", "in", "query", "schema", Map.of("type", "string")));
            params.add(Map.of("name", "status", "in", "query", "schema", Map.of("type", "string")));
        }
        for (Route.QueryParam q : r.query()) {
            params.add(Map.of("name", q.name(), "in", "query", "required", q.required(),
                    "description", q.description() == null ? "" : q.description(), "schema", Map.of("type", q.type())));
        }
        if (r.replayable()) {
            params.add(Map.of("name", "Idempotency-Key", "in", "header", "description",
                    "replays the first response of a retried POST", "schema", Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.rawBody()) {
            op.put("requestBody", Map.of("required", true, "description",
                    "the raw bytes, streamed; Content-Length is required", "content",
                    Map.of("*/*", Map.of("schema", Map.of("type", "string", "format", "binary")))));
        } else if (r.request() != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", ref(r.request())))));
        }
        op.put("responses", responses(r));
        if (r.authenticated()) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        return op;
    }

    private static Map<String, Object> responses(Route r) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> body = r.response() == null ? null : switch (r.shape()) {
            case LIST -> Map.of("type", "array", "items", ref(r.response()));
            case OBJECT, CREATE, PATCH, FREE -> ref(r.response());
            case NONE, BYTES -> null;
        };
        String ok = switch (r.shape()) {
            case CREATE -> "201";
            case NONE -> "204";
            default -> r.method().equals("DELETE") ? "202" : "200";
        };
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", "success");
        if (body != null) {
            success.put("content", Map.of("application/json", Map.of("schema", body)));
        }
        if (r.shape() == Route.Shape.BYTES && !r.method().equals("HEAD")) {
            success.put("content", Map.of(r.produces() == null ? "application/octet-stream" : r.produces(),
                    Map.of("schema", Map.of("type", "string", "format", "binary"))));
        }
        out.put(ok, success);
        Map<String, Object> error = Map.of("description", "error",
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        for (String code : new String[] {"400", "401", "403", "404", "409", "422", "503"}) {
            out.put(code, error);
        }
        if (r.rawBody()) {
            out.put("411", error);
            out.put("413", error);
        }
        return out;
    }

    private static Map<String, Object> schema(ResourceSchema s) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldSpec f : s.fields()) {
            if (f.access() == Access.HIDDEN) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>(type(f));
            p.put("description", f.description());
            if (f.nullable()) {
                p.put("nullable", true);
            }
            if (f.access() == Access.READ_ONLY) {
                p.put("readOnly", true);
            }
            if (f.access() == Access.WRITE_ONLY) {
                p.put("writeOnly", true);
            }
            if (f.access() == Access.CREATE_ONLY || f.access() == Access.SECRET_ON_CREATE) {
                p.put("x-immutable", true);
            }
            props.put(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("additionalProperties", false);
        out.put("properties", props);
        if (!required.isEmpty()) {
            out.put("required", required);
        }
        return out;
    }

    private static Map<String, Object> type(FieldSpec f) {
        return switch (f.type()) {
            case STRING -> Map.of("type", "string");
            case DATETIME -> Map.of("type", "string", "format", "date-time");
            case BOOLEAN -> Map.of("type", "boolean");
            case INTEGER -> Map.of("type", "integer", "format", "int64");
            case JSON_OBJECT -> Map.of("type", "object");
            case STRING_LIST -> Map.of("type", "array", "items", Map.of("type", "string"));
            case OBJECT_LIST -> Map.of("type", "array", "items", Map.of("type", "object"));
            case NODE_LIST -> Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                    "id", Map.of("type", "string"), "ip", Map.of("type", "string"),
                    "port", Map.of("type", "integer"), "status", Map.of("type", "string"),
                    "url", Map.of("type", "string"))));
        };
    }

    private static Map<String, Object> errorSchema() {
        return Map.of("type", "object", "required", List.of("code", "message"), "properties", Map.of(
                "code", Map.of("type", "string"), "message", Map.of("type", "string"),
                "field", Map.of("type", "string", "description", "the request field at fault")));
    }
}
