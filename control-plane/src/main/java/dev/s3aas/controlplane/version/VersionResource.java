package dev.s3aas.controlplane.version;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiRequest;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.Principal;
import java.time.Clock;
import java.util.List;

/** HTTP and rules for {@code /v1/types/s3/versions}: everyone reads, admins add and remove. */
public final class VersionResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("version",
            FieldSpec.required("name", Type.STRING, Access.CREATE_ONLY, "Version name, e.g. 0.0.1"),
            FieldSpec.createOnly("description", Type.STRING, "Free text"),
            FieldSpec.readOnly("status", Type.STRING, "ACTIVE"));

    private final Database db;
    private final VersionRepository repo;
    private final Clock clock;

    public VersionResource(Database db, VersionRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    public List<Route> routes() {
        String base = "/v1/types/s3/versions";
        return List.of(
                new Route("GET", base, "List data-plane versions", "authenticated", Shape.LIST, null, SCHEMA, true,
                        r -> ApiResponse.page(db.read(h -> repo.list(h, PageRequest.from(r))))),
                new Route("POST", base, "Add a version", "admin", Shape.CREATE, SCHEMA, SCHEMA, true, this::create)
                        .guardedBy(r -> requireAdmin(r.principal())),
                new Route("GET", base + "/{version}", "Read a version", "authenticated", Shape.OBJECT, null, SCHEMA, true,
                        r -> ApiResponse.ok(find(r.param("version")).view())),
                new Route("DELETE", base + "/{version}", "Remove an unused version", "admin", Shape.NONE, null, null, true,
                        this::delete));
    }

    private Version find(String ref) {
        return db.read(h -> repo.find(h, ref)).orElseThrow(() -> ApiError.notFound("version", ref));
    }

    private static void requireAdmin(Principal p) {
        if (!p.admin()) {
            throw new ApiError.Forbidden("only admins manage versions");
        }
    }

    private ApiResponse create(ApiRequest r) {
        requireAdmin(r.principal());
        JsonInput in = SCHEMA.parseCreate(r.body());
        long now = clock.millis();
        Version v = new Version(Ids.newId(), in.string("name", null), in.string("description", ""), "ACTIVE", now, now);
        try {
            db.writeVoid(h -> repo.insert(h, v));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "version '" + v.name() + "' exists") : e;
        }
        return ApiResponse.created(v.view());
    }

    private ApiResponse delete(ApiRequest r) {
        requireAdmin(r.principal());
        Version v = find(r.param("version"));
        // The instances' foreign key decides, also against an instance being created concurrently.
        try {
            db.writeVoid(h -> repo.delete(h, v.uuid()));
        } catch (RuntimeException e) {
            throw DbErrors.isForeignKeyViolation(e)
                    ? new ApiError.Conflict("in_use", "version '" + v.name() + "' is used by instances", null) : e;
        }
        return ApiResponse.noContent();
    }
}
