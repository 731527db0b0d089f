package dev.s3aas.controlplane.accesskey;

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
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP for {@code /v1/types/s3/instances/{instance}/users/{user}/access-keys[/{key}]} and its
 * alias {@code .../keys[/{key}]}. {@code {key}} is the key's uuid or its access key id.
 */
public final class AccessKeyResource {
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("access_key",
            FieldSpec.readOnly("access_key", Type.STRING, "Generated access key id (20 characters)"),
            new FieldSpec("secret_key", Type.STRING, Access.SECRET_ON_CREATE, false, false,
                    "Secret (generated, 40 characters, or given on create); returned in the create response only"),
            FieldSpec.readOnly("user", Type.STRING, "User name"),
            FieldSpec.readOnly("user_id", Type.STRING, "User uuid"),
            FieldSpec.readOnly("instance_id", Type.STRING, "Owning instance"),
            FieldSpec.rw("description", Type.STRING, "Free text"),
            FieldSpec.rw("status", Type.STRING, "ACTIVE or INACTIVE"),
            FieldSpec.nullableRw("expires_at", Type.DATETIME, "Optional expiry (ISO-8601 UTC); null = never"));

    private final AccessKeyService service;
    private final InstanceService instances;

    public AccessKeyResource(AccessKeyService service, InstanceService instances) {
        this.service = service;
        this.instances = instances;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (String leaf : List.of("access-keys", "keys")) {
            routes.addAll(routes(InstanceResource.BASE + "/{instance}/users/{user}/" + leaf));
        }
        return routes;
    }

    private List<Route> routes(String base) {
        return List.of(
                new Route("POST", base, "Create an access key (the secret is returned only now)",
                        Permission.ACCESS_KEY_CREATE.externalName(), Shape.CREATE, SCHEMA, SCHEMA, true, r -> {
                            AccessKeyService.Created c = service.create(r.principal(), r.param("instance"),
                                    r.param("user"), SCHEMA.parseCreate(r.body()));
                            return ApiResponse.created(c.key().view(project(r), c.secret()));
                        }).guardedBy(instances.guard(Permission.ACCESS_KEY_CREATE)),
                new Route("GET", base, "List a user's access keys (never with secrets)",
                        Permission.ACCESS_KEY_READ.externalName(), Shape.LIST, null, SCHEMA, true, r -> {
                            String project = project(r);
                            Page<AccessKey> page = service.list(r.principal(), r.param("instance"), r.param("user"),
                                    PageRequest.from(r));
                            return ApiResponse.page(new Page<>(
                                    page.items().stream().map(k -> k.view(project, null)).toList(), page.nextMarker()));
                        }),
                new Route("GET", base + "/{key}", "Read an access key", Permission.ACCESS_KEY_READ.externalName(),
                        Shape.OBJECT, null, SCHEMA, true, r -> ApiResponse.ok(service.get(r.principal(),
                                r.param("instance"), r.param("user"), r.param("key")).view(project(r), null))),
                new Route("PATCH", base + "/{key}", "Update status, description or expiry",
                        Permission.ACCESS_KEY_UPDATE.externalName(), Shape.PATCH, SCHEMA, SCHEMA, true,
                        r -> ApiResponse.ok(service.update(r.principal(), r.param("instance"), r.param("user"),
                                r.param("key"), SCHEMA.parsePatch(r.body())).view(project(r), null))),
                new Route("DELETE", base + "/{key}", "Delete an access key", Permission.ACCESS_KEY_DELETE.externalName(),
                        Shape.NONE, null, null, true, r -> {
                            service.delete(r.principal(), r.param("instance"), r.param("user"), r.param("key"));
                            return ApiResponse.noContent();
                        }));
    }

    private String project(ApiRequest r) {
        return instances.require(r.principal(), r.param("instance"), Permission.INSTANCE_READ).projectId();
    }
}
