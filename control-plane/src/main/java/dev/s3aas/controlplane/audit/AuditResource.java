package dev.s3aas.controlplane.audit;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiRequest;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.iam.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * HTTP for {@code GET /v1/audit?since=&actor=&instance=} (paged with {@code limit} and {@code marker}, oldest
 * first). Admins see every record; project owners the records of the projects they own; anyone else is refused.
 */
public final class AuditResource {
    public static final ResourceSchema SCHEMA = new ResourceSchema("audit_record", List.of(
            FieldSpec.readOnly("id", Type.STRING, "Record id (the marker of the next page)"),
            FieldSpec.readOnly("time", Type.DATETIME, "When the request finished (ISO-8601 UTC)"),
            FieldSpec.readOnly("request_id", Type.STRING, "The request's X-Request-Id (the client's, or generated)"),
            FieldSpec.readOnly("actor", Type.STRING, "User name of the caller (for POST /v1/auth/token: the name "
                    + "asked for); null when unauthenticated"),
            FieldSpec.readOnly("actor_id", Type.STRING, "User uuid of the caller"),
            FieldSpec.readOnly("token_id", Type.STRING, "The access token's id (its jti), never the token"),
            FieldSpec.readOnly("action", Type.STRING, "The permission the route checks, e.g. s3aas.access_key.create"),
            FieldSpec.readOnly("method", Type.STRING, "POST, PUT, PATCH or DELETE"),
            FieldSpec.readOnly("route", Type.STRING, "Route template, e.g. /v1/types/s3/instances/{instance}"),
            FieldSpec.readOnly("path", Type.STRING, "The concrete path"),
            FieldSpec.readOnly("project", Type.STRING, "Project uuid of the target, when known"),
            FieldSpec.readOnly("instance", Type.STRING, "Instance uuid of the target, when known"),
            FieldSpec.readOnly("client", Type.STRING, "Client address"),
            FieldSpec.readOnly("status", Type.INTEGER, "HTTP status of the answer"),
            FieldSpec.readOnly("duration_ms", Type.INTEGER, "Time to answer"),
            FieldSpec.readOnly("error", Type.STRING, "Error code of a failed request, else null")));

    private final Database db;
    private final AuditRepository repo;

    public AuditResource(Database db, AuditLog log) {
        this.db = db;
        this.repo = log.repository();
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/v1/audit",
                "The audit trail of API mutations (filters: since, actor, instance; paging: limit, marker)",
                "admin or project owner", Shape.LIST, null, SCHEMA, true, this::list));
    }

    private ApiResponse list(ApiRequest r) {
        Set<String> projects = visibleProjects(r.principal());
        AuditRepository.Filter filter = new AuditRepository.Filter(since(r.query("since")), r.query("actor"),
                r.query("instance"));
        Page<AuditRecord> page = db.read(h -> repo.list(h, filter, projects, PageRequest.from(r)));
        return ApiResponse.page(new Page<>(page.items().stream().map(AuditRecord::view).toList(), page.nextMarker()));
    }

    /** Null (all) for an unscoped admin; the owned projects otherwise; 403 when there are none. */
    static Set<String> visibleProjects(Principal p) {
        if (p.admin() && p.tokenProjectId() == null) {
            return null;
        }
        Set<String> owned = p.ownedProjects();
        if (owned.isEmpty()) {
            throw new ApiError.Forbidden("the audit trail is for admins and project owners");
        }
        return owned;
    }

    private static Instant since(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("since", "since must be an ISO-8601 UTC time, e.g. 2025-01-31T12:00:00Z");
        }
    }
}
