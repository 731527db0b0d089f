package dev.s3aas.controlplane.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.api.Exchange;
import dev.s3aas.controlplane.iam.Principal;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Names what a mutation was about: the instance (from the {@code {instance}} path parameter, or the id of an
 * instance just created) and the project it belongs to (so its owners see the record). Read after the endpoint
 * ran, so a create is found by the id in its answer; only {@code id} and {@code project_id} are ever read from
 * an answer. A role binding deleted by the request is gone by then: that record has no project (admins see it).
 */
final class Targets {
    /** The resolved target; null fields are unknown or not applicable. */
    record Target(String project, String instance) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AuditRepository repo;

    Targets(AuditRepository repo) {
        this.repo = repo;
    }

    Target of(Handle h, Exchange x) {
        Map<String, String> params = x.params();
        if (params.containsKey("instance")) {
            return instance(h, params.get("instance"), x.principal());
        }
        if (params.containsKey("project")) {
            return new Target(repo.project(h, params.get("project")).orElse(null), null);
        }
        if (params.containsKey("binding")) {
            return new Target(repo.bindingProject(h, params.get("binding")).orElse(null), null);
        }
        if (x.route() == null || x.status() != 201 || x.responseBody() == null) {
            return new Target(null, null);
        }
        JsonNode created = parse(x.responseBody());
        String template = x.route().template();
        return switch (template) {
            case "/v1/types/s3/instances" -> new Target(text(created, "project_id"), text(created, "id"));
            case "/v1/iam/projects" -> new Target(text(created, "id"), null);
            case "/v1/iam/role_bindings" -> new Target(text(created, "project_id"), null);
            default -> new Target(null, null);
        };
    }

    /** An instance reference is a uuid or a name (unique per project): the one the caller can see. */
    private Target instance(Handle h, String ref, Principal caller) {
        List<Map.Entry<String, String>> found = repo.instances(h, ref);
        List<Map.Entry<String, String>> visible = caller == null ? List.of()
                : found.stream().filter(e -> e.getKey().equals(ref) || caller.canSee(e.getValue())).toList();
        if (visible.size() == 1) {
            return new Target(visible.getFirst().getValue(), visible.getFirst().getKey());
        }
        return new Target(null, ref);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.path(field).asText() : null;
    }
}
