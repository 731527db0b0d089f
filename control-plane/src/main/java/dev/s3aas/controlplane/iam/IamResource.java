package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiRequest;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HTTP for {@code /v1/auth/token} and {@code /v1/iam/{users,projects,role_bindings}}. */
public final class IamResource {
    /**
     * Token request. Password grant: {@code {username, password, project_id?}} (grant_type
     * "password" or absent). Refresh grant: {@code {grant_type: "refresh_token", refresh_token}}.
     */
    public static final ResourceSchema TOKEN_REQUEST = new ResourceSchema("token_request", List.of(
            FieldSpec.rw("grant_type", Type.STRING, "\"password\" (default) or \"refresh_token\""),
            FieldSpec.rw("username", Type.STRING, "Login name (password grant)"),
            new FieldSpec("password", Type.STRING, Access.WRITE_ONLY, false, false, "Password (password grant)"),
            FieldSpec.nullableRw("project_id", Type.STRING, "Project (uuid or name) the token is scoped to"),
            FieldSpec.rw("refresh_token", Type.STRING, "Refresh token (refresh grant)")));
    public static final ResourceSchema TOKEN_RESPONSE = new ResourceSchema("token", List.of(
            FieldSpec.readOnly("access_token", Type.STRING, "Signed JWT (HS256)"),
            FieldSpec.readOnly("token_type", Type.STRING, "Always Bearer"),
            FieldSpec.readOnly("expires_in", Type.INTEGER, "Seconds until the access token expires"),
            FieldSpec.readOnly("refresh_token", Type.STRING, "Opaque, single use: each refresh returns a new one"),
            FieldSpec.readOnly("project_id", Type.STRING, "Project scope, or null")));
    /** Who the caller is and what it may do: for a UI to show the role and hide what the role cannot do. */
    public static final ResourceSchema WHOAMI = new ResourceSchema("whoami", List.of(
            FieldSpec.readOnly("user_id", Type.STRING, "Your user uuid"),
            FieldSpec.readOnly("name", Type.STRING, "Your login name"),
            FieldSpec.readOnly("is_admin", Type.BOOLEAN, "Global administrator (acts as owner in every project)"),
            FieldSpec.readOnly("project_id", Type.STRING, "The project the token is scoped to, or null"),
            FieldSpec.readOnly("roles", Type.OBJECT_LIST,
                    "Your roles as far as the token reaches: {project_id, role} with role owner, operator or viewer")));
    public static final ResourceSchema USER = ResourceSchema.standard("iam_user",
            FieldSpec.required("name", Type.STRING, Access.CREATE_ONLY, "Login name"),
            FieldSpec.required("password", Type.STRING, Access.WRITE_ONLY, "Password (8+ characters), never returned"),
            new FieldSpec("current_password", Type.STRING, Access.WRITE_ONLY, false, false,
                    "Your current password: required when you change your own password, never returned"),
            FieldSpec.rw("is_admin", Type.BOOLEAN, "Global administrator"),
            FieldSpec.rw("status", Type.STRING, "ACTIVE or DISABLED"));
    public static final ResourceSchema PROJECT = ResourceSchema.standard("project",
            FieldSpec.required("name", Type.STRING, Access.READ_WRITE, "Unique project name"),
            FieldSpec.rw("description", Type.STRING, "Free text"),
            FieldSpec.readOnly("status", Type.STRING, "Always ACTIVE"));
    public static final ResourceSchema BINDING = new ResourceSchema("role_binding", List.of(
            FieldSpec.readOnly("uuid", Type.STRING, "Identifier"),
            FieldSpec.readOnly("id", Type.STRING, "Same as uuid"),
            FieldSpec.required("user_id", Type.STRING, Access.CREATE_ONLY, "User (uuid or name)"),
            FieldSpec.required("role", Type.STRING, Access.CREATE_ONLY, "owner, operator or viewer"),
            FieldSpec.readOnly("status", Type.STRING, "Always ACTIVE"),
            FieldSpec.required("project_id", Type.STRING, Access.CREATE_ONLY, "Project (uuid or name)"),
            FieldSpec.readOnly("created_at", Type.DATETIME, "Creation time"),
            FieldSpec.readOnly("updated_at", Type.DATETIME, "Last update time")));

    private final IamService auth;
    private final IamAdminService admin;

    public IamResource(IamService auth, IamAdminService admin) {
        this.auth = auth;
        this.admin = admin;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/v1/auth/token", "Issue an access token (password or refresh grant)", "public",
                        Shape.FREE, TOKEN_REQUEST, TOKEN_RESPONSE, false, this::token),
                new Route("GET", "/v1/auth/whoami", "Who you are: name, admin flag, token scope and project roles",
                        "authenticated", Shape.OBJECT, null, WHOAMI, true, r -> ApiResponse.ok(whoami(r.principal()))),
                new Route("POST", "/v1/iam/users", "Create a user", "admin or project owner", Shape.CREATE, USER, USER, true,
                        r -> ApiResponse.created(admin.createUser(r.principal(), USER.parseCreate(r.body())).view()))
                        .guardedBy(r -> admin.checkCreatesUsers(r.principal())),
                new Route("GET", "/v1/iam/users", "List users", "authenticated", Shape.LIST, null, USER, true,
                        r -> ApiResponse.ok(admin.listUsers(r.principal()).stream().map(IamRecords.IamUser::view).toList())),
                new Route("GET", "/v1/iam/users/{user}", "Read a user", "authenticated", Shape.OBJECT, null, USER, true,
                        r -> ApiResponse.ok(admin.getUser(r.principal(), r.param("user")).view())),
                new Route("PATCH", "/v1/iam/users/{user}", "Update a user (password, status, is_admin)", "admin or self",
                        Shape.PATCH, USER, USER, true,
                        r -> ApiResponse.ok(admin.updateUser(r.principal(), r.param("user"), USER.parsePatch(r.body())).view())),
                new Route("DELETE", "/v1/iam/users/{user}", "Delete a user", "admin", Shape.NONE, null, null, true, r -> {
                    admin.deleteUser(r.principal(), r.param("user"));
                    return ApiResponse.noContent();
                }),
                new Route("POST", "/v1/iam/projects", "Create a project", "admin", Shape.CREATE, PROJECT, PROJECT, true,
                        r -> ApiResponse.created(admin.createProject(r.principal(), PROJECT.parseCreate(r.body())).view()))
                        .guardedBy(r -> IamAdminService.checkCreatesProjects(r.principal())),
                new Route("GET", "/v1/iam/projects", "List the projects you have a role in", "authenticated", Shape.LIST,
                        null, PROJECT, true,
                        r -> ApiResponse.ok(admin.listProjects(r.principal()).stream().map(IamRecords.Project::view).toList())),
                new Route("GET", "/v1/iam/projects/{project}", "Read a project", Permission.PROJECT_READ.externalName(),
                        Shape.OBJECT, null, PROJECT, true,
                        r -> ApiResponse.ok(admin.getProject(r.principal(), r.param("project")).view())),
                new Route("PATCH", "/v1/iam/projects/{project}", "Update a project", Permission.PROJECT_UPDATE.externalName(),
                        Shape.PATCH, PROJECT, PROJECT, true,
                        r -> ApiResponse.ok(admin.updateProject(r.principal(), r.param("project"),
                                PROJECT.parsePatch(r.body())).view())),
                new Route("DELETE", "/v1/iam/projects/{project}", "Delete an empty project", "admin", Shape.NONE, null, null,
                        true, r -> {
                            admin.deleteProject(r.principal(), r.param("project"));
                            return ApiResponse.noContent();
                        }),
                new Route("POST", "/v1/iam/role_bindings", "Grant a role in a project",
                        Permission.ROLE_BINDING_CREATE.externalName(), Shape.CREATE, BINDING, BINDING, true,
                        r -> ApiResponse.created(admin.createBinding(r.principal(), BINDING.parseCreate(r.body())).view()))
                        .guardedBy(r -> admin.bindableProject(r.principal(), BINDING.parseCreate(r.body()))),
                new Route("GET", "/v1/iam/role_bindings", "List role bindings of your projects",
                        Permission.ROLE_BINDING_READ.externalName(), Shape.LIST, null, BINDING, true,
                        r -> ApiResponse.ok(admin.listBindings(r.principal()).stream().map(IamRecords.RoleBinding::view).toList())),
                new Route("GET", "/v1/iam/role_bindings/{binding}", "Read a role binding",
                        Permission.ROLE_BINDING_READ.externalName(), Shape.OBJECT, null, BINDING, true,
                        r -> ApiResponse.ok(admin.getBinding(r.principal(), r.param("binding")).view())),
                new Route("DELETE", "/v1/iam/role_bindings/{binding}", "Revoke a role",
                        Permission.ROLE_BINDING_DELETE.externalName(), Shape.NONE, null, null, true, r -> {
                            admin.deleteBinding(r.principal(), r.param("binding"));
                            return ApiResponse.noContent();
                        }));
    }

    private static Map<String, Object> whoami(Principal p) {
        List<Map<String, String>> roles = p.roles().entrySet().stream()
                .filter(e -> p.tokenProjectId() == null || p.tokenProjectId().equals(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("project_id", e.getKey(), "role", e.getValue().externalName()))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", p.userId());
        out.put("name", p.name());
        out.put("is_admin", p.admin());
        out.put("project_id", p.tokenProjectId());
        out.put("roles", roles);
        return out;
    }

    private ApiResponse token(ApiRequest r) {
        JsonInput in = TOKEN_REQUEST.parsePatch(r.body());
        String grant = in.string("grant_type", "password");
        return switch (grant) {
            case "password" -> {
                String user = in.string("username", null);
                String password = in.string("password", null);
                if (user == null) {
                    throw new ApiError.Invalid("missing_field", "field 'username' is required", "username");
                }
                if (password == null) {
                    throw new ApiError.Invalid("missing_field", "field 'password' is required", "password");
                }
                yield ApiResponse.ok(auth.login(user, password, in.string("project_id", null)));
            }
            case "refresh_token" -> {
                String token = in.string("refresh_token", null);
                if (token == null) {
                    throw new ApiError.Invalid("missing_field", "field 'refresh_token' is required", "refresh_token");
                }
                yield ApiResponse.ok(auth.refresh(token));
            }
            default -> throw ApiError.invalid("grant_type", "grant_type must be password or refresh_token");
        };
    }
}
