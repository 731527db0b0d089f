package dev.s3aas.controlplane.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audited API mutation: who (user name and id, the token's {@code jti} — never the token), what (action,
 * method, route template and concrete path), on what (project, instance), from where (client address), the
 * request id, the outcome (HTTP status, error code) and how long it took. It has no field for a body, a query
 * or a header, so no password or secret can reach the audit trail through it.
 *
 * @param actor the caller's user name; for {@code POST /v1/auth/token} the user name asked for; null when unknown
 * @param action the permission the route checks ({@code s3aas.access_key.create}), or {@code s3aas.<collection>.<verb>}
 *     for routes without one; null for an unknown path
 * @param route the route template, or null for an unknown path
 * @param project the project the target belongs to (visibility for its owners), or null
 * @param instance the target instance's uuid (or the reference given, when it named no instance), or null
 * @param error the JSON error code when the request failed, else null
 */
public record AuditRecord(
        String id,
        Instant time,
        String requestId,
        String actor,
        String actorId,
        String tokenId,
        String action,
        String method,
        String route,
        String path,
        String project,
        String instance,
        String client,
        int status,
        long durationMs,
        String error) {

    public AuditRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(time);
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
    }

    /** The JSON shape, as one {@code audit.log} line and as an item of {@code GET /v1/audit}. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("time", time.toString());
        m.put("request_id", requestId);
        m.put("actor", actor);
        m.put("actor_id", actorId);
        m.put("token_id", tokenId);
        m.put("action", action);
        m.put("method", method);
        m.put("route", route);
        m.put("path", path);
        m.put("project", project);
        m.put("instance", instance);
        m.put("client", client);
        m.put("status", status);
        m.put("duration_ms", durationMs);
        m.put("error", error);
        return m;
    }
}
