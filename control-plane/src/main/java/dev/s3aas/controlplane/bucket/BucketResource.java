package dev.s3aas.controlplane.bucket;

import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.InstanceResource;
import dev.s3aas.controlplane.instance.InstanceService;
import java.util.List;

/** HTTP for {@code /v1/types/s3/instances/{instance}/buckets[/{bucket}]}. */
public final class BucketResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("bucket",
            FieldSpec.required("name", Type.STRING, Access.CREATE_ONLY, "S3 bucket name (immutable)"),
            FieldSpec.readOnly("instance_id", Type.STRING, "Owning instance"),
            FieldSpec.rw("versioning_enabled", Type.BOOLEAN, "Object versioning (default: the instance's versioning)"),
            FieldSpec.createOnly("object_lock_enabled", Type.BOOLEAN, "Object Lock, set at creation only"),
            FieldSpec.rw("quota_bytes", Type.INTEGER, "Hard quota in bytes, 0 = none"),
            FieldSpec.rw("public", Type.BOOLEAN, "Anonymous read (s3:GetObject) for everyone"),
            FieldSpec.nullableRw("default_retention_mode", Type.STRING, "GOVERNANCE or COMPLIANCE (needs object lock)"),
            FieldSpec.nullableRw("default_retention_days", Type.INTEGER, "Default retention in days"),
            FieldSpec.readOnly("status", Type.STRING, "PENDING, ACTIVE or ERROR (applied on the nodes?)"),
            FieldSpec.readOnly("status_reason", Type.STRING, "Node error text when ERROR"));

    private final BucketService service;
    private final InstanceService instances;

    public BucketResource(BucketService service, InstanceService instances) {
        this.service = service;
        this.instances = instances;
    }

    public List<Route> routes() {
        String base = InstanceResource.BASE + "/{instance}/buckets";
        return List.of(
                new Route("POST", base, "Create a bucket", Permission.BUCKET_CREATE.externalName(), Shape.CREATE,
                        SCHEMA, SCHEMA, true, r -> ApiResponse.created(service.create(r.principal(), r.param("instance"),
                                SCHEMA.parseCreate(r.body())).view(project(r.principal(), r.param("instance")))))
                        .guardedBy(instances.guard(Permission.BUCKET_CREATE)),
                new Route("GET", base, "List buckets", Permission.BUCKET_READ.externalName(), Shape.LIST, null, SCHEMA,
                        true, r -> {
                            String project = project(r.principal(), r.param("instance"));
                            Page<Bucket> page = service.list(r.principal(), r.param("instance"), PageRequest.from(r));
                            return ApiResponse.page(new Page<>(page.items().stream().map(b -> b.view(project)).toList(),
                                    page.nextMarker()));
                        }),
                new Route("GET", base + "/{bucket}", "Read a bucket", Permission.BUCKET_READ.externalName(),
                        Shape.OBJECT, null, SCHEMA, true, r -> ApiResponse.ok(service.get(r.principal(),
                                r.param("instance"), r.param("bucket")).view(project(r.principal(), r.param("instance"))))),
                new Route("PATCH", base + "/{bucket}", "Update bucket settings", Permission.BUCKET_UPDATE.externalName(),
                        Shape.PATCH, SCHEMA, SCHEMA, true, r -> ApiResponse.ok(service.update(r.principal(),
                                r.param("instance"), r.param("bucket"), SCHEMA.parsePatch(r.body()))
                                .view(project(r.principal(), r.param("instance"))))),
                new Route("DELETE", base + "/{bucket}", "Delete an empty bucket", Permission.BUCKET_DELETE.externalName(),
                        Shape.NONE, null, null, true, r -> {
                            service.delete(r.principal(), r.param("instance"), r.param("bucket"));
                            return ApiResponse.noContent();
                        }));
    }

    private String project(Principal p, String instanceRef) {
        return instances.require(p, instanceRef, Permission.INSTANCE_READ).projectId();
    }
}
