package dev.s3aas.controlplane.user;

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
import dev.s3aas.controlplane.instance.InstanceResource;
import dev.s3aas.controlplane.instance.InstanceService;
import java.util.List;

/** HTTP for {@code /v1/types/s3/instances/{instance}/users[/{user}]}. */
public final class UserResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("user",
            FieldSpec.required("name", Type.STRING, Access.CREATE_ONLY, "IAM user name (immutable)"),
            FieldSpec.readOnly("instance_id", Type.STRING, "Owning instance"),
            FieldSpec.rw("description", Type.STRING, "Free text"),
            FieldSpec.rw("status", Type.STRING, "ACTIVE or DISABLED (disables all its keys on the nodes)"));

    private final UserService service;
    private final InstanceService instances;

    public UserResource(UserService service, InstanceService instances) {
        this.service = service;
        this.instances = instances;
    }

    public List<Route> routes() {
        String base = InstanceResource.BASE + "/{instance}/users";
        return List.of(
                new Route("POST", base, "Create an IAM user", Permission.USER_CREATE.externalName(), Shape.CREATE,
                        SCHEMA, SCHEMA, true, r -> ApiResponse.created(service.create(r.principal(), r.param("instance"),
                                SCHEMA.parseCreate(r.body())).view(project(r))))
                        .guardedBy(instances.guard(Permission.USER_CREATE)),
                new Route("GET", base, "List IAM users", Permission.USER_READ.externalName(), Shape.LIST, null, SCHEMA,
                        true, r -> {
                            String project = project(r);
                            Page<S3User> page = service.list(r.principal(), r.param("instance"), PageRequest.from(r));
                            return ApiResponse.page(new Page<>(page.items().stream().map(u -> u.view(project)).toList(),
                                    page.nextMarker()));
                        }),
                new Route("GET", base + "/{user}", "Read an IAM user", Permission.USER_READ.externalName(), Shape.OBJECT,
                        null, SCHEMA, true, r -> ApiResponse.ok(service.get(r.principal(), r.param("instance"),
                                r.param("user")).view(project(r)))),
                new Route("PATCH", base + "/{user}", "Update description or status", Permission.USER_UPDATE.externalName(),
                        Shape.PATCH, SCHEMA, SCHEMA, true, r -> ApiResponse.ok(service.update(r.principal(),
                                r.param("instance"), r.param("user"), SCHEMA.parsePatch(r.body())).view(project(r)))),
                new Route("DELETE", base + "/{user}", "Delete an IAM user with its keys and attachments",
                        Permission.USER_DELETE.externalName(), Shape.NONE, null, null, true, r -> {
                            service.delete(r.principal(), r.param("instance"), r.param("user"));
                            return ApiResponse.noContent();
                        }));
    }

    private String project(dev.s3aas.controlplane.api.ApiRequest r) {
        return instances.require(r.principal(), r.param("instance"), Permission.INSTANCE_READ).projectId();
    }
}
