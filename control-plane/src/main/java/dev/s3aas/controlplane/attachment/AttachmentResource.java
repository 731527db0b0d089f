package dev.s3aas.controlplane.attachment;

import dev.s3aas.controlplane.api.ApiRequest;
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

/** HTTP for {@code /v1/types/s3/instances/{instance}/users/{user}/policies[/{policy}]}. */
public final class AttachmentResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("attachment",
            FieldSpec.required("policy", Type.STRING, Access.CREATE_ONLY, "Policy name, uuid or path"),
            FieldSpec.readOnly("user", Type.STRING, "User name"),
            FieldSpec.readOnly("user_id", Type.STRING, "User uuid"),
            FieldSpec.readOnly("policy_id", Type.STRING, "Policy uuid"),
            FieldSpec.readOnly("status", Type.STRING, "Always ACTIVE"));

    private final AttachmentService service;
    private final InstanceService instances;

    public AttachmentResource(AttachmentService service, InstanceService instances) {
        this.service = service;
        this.instances = instances;
    }

    public List<Route> routes() {
        String base = InstanceResource.BASE + "/{instance}/users/{user}/policies";
        return List.of(
                new Route("POST", base, "Attach a policy to a user", Permission.USER_UPDATE.externalName(), Shape.CREATE,
                        SCHEMA, SCHEMA, true, r -> ApiResponse.created(service.attach(r.principal(), r.param("instance"),
                                r.param("user"), SCHEMA.parseCreate(r.body())).view(project(r))))
                        .guardedBy(instances.guard(Permission.USER_UPDATE)),
                new Route("GET", base, "List a user's policies", Permission.USER_READ.externalName(), Shape.LIST, null,
                        SCHEMA, true, r -> {
                            String project = project(r);
                            Page<Attachment> page = service.list(r.principal(), r.param("instance"), r.param("user"),
                                    PageRequest.from(r));
                            return ApiResponse.page(new Page<>(page.items().stream().map(a -> a.view(project)).toList(),
                                    page.nextMarker()));
                        }),
                new Route("GET", base + "/{policy}", "Read an attachment", Permission.USER_READ.externalName(),
                        Shape.OBJECT, null, SCHEMA, true, r -> ApiResponse.ok(service.get(r.principal(),
                                r.param("instance"), r.param("user"), r.param("policy")).view(project(r)))),
                new Route("DELETE", base + "/{policy}", "Detach a policy", Permission.USER_UPDATE.externalName(),
                        Shape.NONE, null, null, true, r -> {
                            service.detach(r.principal(), r.param("instance"), r.param("user"), r.param("policy"));
                            return ApiResponse.noContent();
                        }));
    }

    private String project(ApiRequest r) {
        return instances.require(r.principal(), r.param("instance"), Permission.INSTANCE_READ).projectId();
    }
}
