package dev.s3aas.controlplane.policy;

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

/** HTTP for {@code /v1/types/s3/instances/{instance}/policies[/{policy}]}. */
public final class PolicyResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("policy",
            FieldSpec.required("name", Type.STRING, Access.READ_WRITE, "Policy name"),
            FieldSpec.readOnly("instance_id", Type.STRING, "Owning instance"),
            FieldSpec.required("content", Type.JSON_OBJECT, Access.READ_WRITE,
                    "IAM policy document (object, or a string holding one); validated on write"),
            FieldSpec.readOnly("status", Type.STRING, "PENDING, ACTIVE or ERROR (applied on the nodes?)"),
            FieldSpec.readOnly("status_reason", Type.STRING, "Node error text when ERROR"));

    private final PolicyService service;
    private final InstanceService instances;

    public PolicyResource(PolicyService service, InstanceService instances) {
        this.service = service;
        this.instances = instances;
    }

    public List<Route> routes() {
        String base = InstanceResource.BASE + "/{instance}/policies";
        return List.of(
                new Route("POST", base, "Create a policy", Permission.POLICY_CREATE.externalName(), Shape.CREATE,
                        SCHEMA, SCHEMA, true, r -> ApiResponse.created(service.create(r.principal(), r.param("instance"),
                                SCHEMA.parseCreate(r.body())).view(project(r))))
                        .guardedBy(instances.guard(Permission.POLICY_CREATE)),
                new Route("GET", base, "List policies", Permission.POLICY_READ.externalName(), Shape.LIST, null, SCHEMA,
                        true, r -> {
                            String project = project(r);
                            Page<Policy> page = service.list(r.principal(), r.param("instance"), PageRequest.from(r));
                            return ApiResponse.page(new Page<>(page.items().stream().map(x -> x.view(project)).toList(),
                                    page.nextMarker()));
                        }),
                new Route("GET", base + "/{policy}", "Read a policy", Permission.POLICY_READ.externalName(), Shape.OBJECT,
                        null, SCHEMA, true, r -> ApiResponse.ok(service.get(r.principal(), r.param("instance"),
                                r.param("policy")).view(project(r)))),
                new Route("PATCH", base + "/{policy}", "Rename or rewrite a policy", Permission.POLICY_UPDATE.externalName(),
                        Shape.PATCH, SCHEMA, SCHEMA, true, r -> ApiResponse.ok(service.update(r.principal(),
                                r.param("instance"), r.param("policy"), SCHEMA.parsePatch(r.body())).view(project(r)))),
                new Route("DELETE", base + "/{policy}", "Delete a policy that is not attached",
                        Permission.POLICY_DELETE.externalName(), Shape.NONE, null, null, true, r -> {
                            service.delete(r.principal(), r.param("instance"), r.param("policy"));
                            return ApiResponse.noContent();
                        }));
    }

    private String project(ApiRequest r) {
        return instances.require(r.principal(), r.param("instance"), Permission.INSTANCE_READ).projectId();
    }
}
