package dev.s3aas.controlplane.cluster;

import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import java.util.List;

/** HTTP for {@code /v1/types/s3/clusters[/{cluster}]}: registered Ceph clusters instances can run on. */
public final class ClusterResource {
    public static final String BASE = "/v1/types/s3/clusters";
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("cluster",
            FieldSpec.required("name", Type.STRING, Access.CREATE_ONLY, "Unique name, e.g. ceph-a"),
            FieldSpec.required("engine", Type.STRING, Access.CREATE_ONLY, "\"ceph\" (RADOS + RGW gateways)"),
            new FieldSpec("gateways", Type.STRING_LIST, Access.READ_WRITE, true, false,
                    "RGW gateway URLs, http(s)://host:port (1-16); admins only"),
            new FieldSpec("admin_access_key", Type.STRING, Access.READ_WRITE, true, false,
                    "Access key of an RGW user with the caps " + "users=*;buckets=*;metadata=*;usage=*;user-policy=*; "
                            + "admins only"),
            new FieldSpec("admin_secret_key", Type.STRING, Access.WRITE_ONLY, true, false,
                    "Its secret key: write-only, sealed at rest"),
            FieldSpec.nullableRw("prometheus_url", Type.STRING,
                    "Optional: the Ceph mgr's Prometheus endpoint (http://mgr:9283/metrics) for the cluster's own "
                            + "health; admins only"),
            FieldSpec.rw("description", Type.STRING, "Free text"),
            FieldSpec.readOnly("status", Type.STRING, "PENDING (not probed yet), ACTIVE or ERROR"),
            FieldSpec.readOnly("status_reason", Type.STRING, "What the last probe found wrong"),
            FieldSpec.readOnly("gateway_health", Type.OBJECT_LIST, "[{url, status HEALTHY|UNREACHABLE, detail, checked_at}]"
                    + "; admins only"),
            FieldSpec.readOnly("ceph_health", Type.STRING, "The mgr's health (HEALTH_WARN: OSD_DOWN…), \"\" when OK "
                    + "or without prometheus_url"),
            FieldSpec.readOnly("capabilities", Type.JSON_OBJECT, "{versioning, object_lock, quota, encryption, "
                    + "mfa_delete, policies: {supported, reason?}}, found by probing the cluster"),
            FieldSpec.readOnly("probed_at", Type.DATETIME, "When the last probe ran"));

    private final ClusterService service;

    public ClusterResource(ClusterService service) {
        this.service = service;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", BASE, "Register a cluster (probed asynchronously)", "admin", Shape.CREATE, SCHEMA,
                        SCHEMA, true, r -> ApiResponse.created(service.create(r.principal(),
                                SCHEMA.parseCreate(r.body())).adminView()))
                        .guardedBy(r -> ClusterService.requireAdmin(r.principal())),
                new Route("GET", BASE, "List clusters (admins; project owners see names, status and capabilities)",
                        "authenticated", Shape.LIST, null, SCHEMA, true, r -> {
                            Page<Cluster> page = service.list(r.principal(), PageRequest.from(r));
                            return ApiResponse.page(new Page<>(page.items().stream()
                                    .map(c -> service.view(r.principal(), c)).toList(), page.nextMarker()));
                        }),
                new Route("GET", BASE + "/{cluster}", "Read a cluster", "authenticated", Shape.OBJECT, null, SCHEMA,
                        true, r -> ApiResponse.ok(service.view(r.principal(),
                                service.require(r.principal(), r.param("cluster"))))),
                new Route("PATCH", BASE + "/{cluster}", "Change gateways, keys, prometheus_url or description",
                        "admin", Shape.PATCH, SCHEMA, SCHEMA, true,
                        r -> ApiResponse.ok(service.update(r.principal(), r.param("cluster"),
                                SCHEMA.parsePatch(r.body())).adminView())),
                new Route("DELETE", BASE + "/{cluster}", "Remove a cluster no instance uses", "admin", Shape.NONE, null,
                        null, true, r -> {
                            service.delete(r.principal(), r.param("cluster"));
                            return ApiResponse.noContent();
                        }));
    }
}
