package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project roles: owner, operator, viewer, and isolation between projects. */
class RolesApiTest {
    private static final String BASE = "/v1/types/s3/instances";

    @TempDir
    static Path dir;

    static Fixture f;
    static String projectA;
    static String owner;
    static String operator;
    static String viewer;
    static String outsider;
    static String instance;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        projectA = f.newProject("project-a");
        String projectB = f.newProject("project-b");
        owner = f.userWithRole("owner-a", projectA, "owner");
        operator = f.userWithRole("operator-a", projectA, "operator");
        viewer = f.userWithRole("viewer-a", projectA, "viewer");
        outsider = f.userWithRole("owner-b", projectB, "owner");
        instance = f.activeInstance(owner, "team-a");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void ownerCreatesAndDeletesInstancesInItsProject() {
        Http.Resp r = f.http.post(BASE, owner, Map.of("name", "owner-made"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("project_id")).isEqualTo(projectA);
        assertThat(f.http.delete(BASE + "/" + r.text("id"), owner).status()).isEqualTo(202);
    }

    @Test
    void operatorManagesContentsButNotInstances() {
        assertThat(f.http.post(BASE, operator, Map.of("name", "op-made")).status()).isEqualTo(403);
        assertThat(f.http.delete(BASE + "/" + instance, operator).status()).isEqualTo(403);
        assertThat(f.http.get(BASE + "/" + instance, operator).status()).isEqualTo(200);
        assertThat(f.http.patch(BASE + "/" + instance, operator, Map.of("description", "by operator")).status())
                .isEqualTo(200);
        assertThat(f.http.post(BASE + "/" + instance + "/buckets", operator, Map.of("name", "op-bucket")).status())
                .isEqualTo(201);
        assertThat(f.http.post(BASE + "/" + instance + "/users", operator, Map.of("name", "op-user")).status())
                .isEqualTo(201);
        Http.Resp key = f.http.post(BASE + "/" + instance + "/users/op-user/access-keys", operator, Map.of());
        assertThat(key.status()).isEqualTo(201);
        assertThat(key.text("secret_key")).hasSize(40);
        assertThat(f.http.post("/v1/iam/role_bindings", operator, Map.of("user_id", "viewer-a", "project_id", projectA,
                "role", "owner")).status()).isEqualTo(403);
    }

    @Test
    void whoamiTellsEachCallerItsRoles() {
        Http.Resp v = f.http.get("/v1/auth/whoami", viewer);
        assertThat(v.status()).as(v.raw()).isEqualTo(200);
        assertThat(v.text("name")).isEqualTo("viewer-a");
        assertThat(v.body().path("is_admin").asBoolean()).isFalse();
        assertThat(v.body().path("roles")).hasSize(1);
        assertThat(v.body().path("roles").get(0).path("project_id").asText()).isEqualTo(projectA);
        assertThat(v.body().path("roles").get(0).path("role").asText()).isEqualTo("viewer");
        Http.Resp o = f.http.get("/v1/auth/whoami", operator);
        assertThat(o.body().path("roles").get(0).path("role").asText()).isEqualTo("operator");
        Http.Resp a = f.http.get("/v1/auth/whoami", f.admin);
        assertThat(a.body().path("is_admin").asBoolean()).isTrue();
        assertThat(a.text("name")).isEqualTo("admin");
        assertThat(f.http.get("/v1/auth/whoami", null).status()).isEqualTo(401);
    }

    @Test
    void viewerReadsButNeverWritesNorSeesSecrets() {
        assertThat(f.http.get(BASE + "/" + instance, viewer).status()).isEqualTo(200);
        assertThat(f.http.get(BASE, viewer).body()).isNotEmpty();
        assertThat(f.http.post(BASE, viewer, Map.of("name", "viewer-made")).status()).isEqualTo(403);
        assertThat(f.http.patch(BASE + "/" + instance, viewer, Map.of("description", "x")).status()).isEqualTo(403);
        assertThat(f.http.post(BASE + "/" + instance + "/buckets", viewer, Map.of("name", "viewer-bucket")).status())
                .isEqualTo(403);
        assertThat(f.http.post(BASE + "/" + instance + "/users", viewer, Map.of("name", "viewer-user")).status())
                .isEqualTo(403);

        assertThat(f.http.post(BASE + "/" + instance + "/users", owner, Map.of("name", "keyed")).status()).isEqualTo(201);
        Http.Resp created = f.http.post(BASE + "/" + instance + "/users/keyed/access-keys", owner, Map.of());
        assertThat(created.text("secret_key")).isNotBlank();
        assertThat(f.http.post(BASE + "/" + instance + "/users/keyed/access-keys", viewer, Map.of()).status())
                .isEqualTo(403);
        Http.Resp keys = f.http.get(BASE + "/" + instance + "/users/keyed/access-keys", viewer);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.raw()).doesNotContain("secret").doesNotContain(created.text("secret_key"));
        Http.Resp inst = f.http.get(BASE + "/" + instance, viewer);
        assertThat(inst.raw()).doesNotContain("root_secret");
    }

    /** The instance's MFA device is a secret: owners and operators read it, viewers and outsiders do not. */
    @Test
    void mfaDeviceIsShownToOwnersAndOperatorsOnly() {
        Http.Resp r = f.http.get(BASE + "/" + instance + "/mfa", owner);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("serial")).isEqualTo("arn:s3aas:iam::" + instance + ":mfa/root");
        assertThat(r.text("secret")).matches("[A-Z2-7]{32}");
        assertThat(r.text("otpauth_uri")).startsWith("otpauth://totp/").contains("secret=" + r.text("secret"));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Http.Resp again = f.http.get(BASE + "/team-a/mfa", operator);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("secret")).as("generated once, then stable").isEqualTo(r.text("secret"));

        Http.Resp denied = f.http.get(BASE + "/" + instance + "/mfa", viewer);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.raw()).doesNotContain(r.text("secret"));
        assertThat(f.http.get(BASE + "/" + instance + "/mfa", outsider).status()).isEqualTo(404);
        assertThat(f.http.get(BASE + "/" + instance, owner).raw()).doesNotContain(r.text("secret"));
    }

    /** A user with roles in two projects and an unscoped token (the console's) names the project to create in. */
    @Test
    void anUnscopedUserOfSeveralProjectsCreatesInTheOneItNames() {
        String projectC = f.newProject("multi-c");
        String projectD = f.newProject("multi-d");
        String both = f.userWithRole("two-projects", projectC, "owner");
        assertThat(f.http.post("/v1/iam/role_bindings", f.admin, Map.of("user_id", "two-projects",
                "project_id", projectD, "role", "viewer")).status()).isEqualTo(201);

        Http.Resp unnamed = f.http.post(BASE, both, Map.of("name", "where-to"));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(400);
        assertThat(unnamed.text("field")).isEqualTo("project_id");
        Http.Resp inC = f.http.post(BASE, both, Map.of("name", "in-c", "project_id", projectC));
        assertThat(inC.status()).as(inC.toString()).isEqualTo(201);
        assertThat(inC.text("project_id")).isEqualTo(projectC);
        Http.Resp byName = f.http.post(BASE, both, Map.of("name", "in-c-by-name", "project_id", "multi-c"));
        assertThat(byName.text("project_id")).as(byName.toString()).isEqualTo(projectC);
        assertThat(f.http.post(BASE, both, Map.of("name", "in-d", "project_id", projectD)).status())
                .as("a viewer there").isEqualTo(403);
        Http.Resp hidden = f.http.post(BASE, both, Map.of("name", "in-a", "project_id", projectA));
        assertThat(hidden.status()).as("no role there: as unknown as a missing project").isEqualTo(400);
        assertThat(hidden.raw()).contains("unknown project");
        assertThat(f.http.post(BASE, both, Map.of("name", "nowhere", "project_id", "no-such-project")).raw())
                .isEqualTo(hidden.raw().replace(projectA, "no-such-project"));
        Http.Resp moved = f.http.patch(BASE + "/" + inC.text("id"), both, Map.of("project_id", projectD));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.text("code")).isEqualTo("immutable_field");

        assertThat(names(f.http.get(BASE + "?project_id=" + projectC, both))).containsExactly("in-c", "in-c-by-name");
        assertThat(names(f.http.get(BASE + "?project_id=multi-d", both))).isEmpty();
        assertThat(names(f.http.get(BASE + "?project_id=" + projectA, both))).as("not its project").isEmpty();
        assertThat(names(f.http.get(BASE + "?project_id=" + projectA, f.admin))).contains("team-a")
                .doesNotContain("in-c");
    }

    private static java.util.List<String> names(Http.Resp list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        java.util.List<String> out = new java.util.ArrayList<>();
        list.body().forEach(i -> out.add(i.path("name").asText()));
        return out;
    }

    @Test
    void otherProjectsAreInvisible() {
        assertThat(f.http.get(BASE + "/" + instance, outsider).status()).isEqualTo(404);
        assertThat(f.http.get(BASE + "/team-a", outsider).status()).isEqualTo(404);
        assertThat(f.http.get(BASE + "/" + instance + "/buckets", outsider).status()).isEqualTo(404);
        assertThat(f.http.delete(BASE + "/" + instance, outsider).status()).isEqualTo(404);
        assertThat(f.http.get(BASE, outsider).raw()).doesNotContain(instance);
        assertThat(f.http.get("/v1/iam/projects", outsider).raw()).doesNotContain(projectA);
        assertThat(f.http.get("/v1/iam/projects/" + projectA, outsider).status()).isEqualTo(404);
    }

    @Test
    void versionsAreManagedByAdminsOnly() {
        assertThat(f.http.get("/v1/types/s3/versions", viewer).status()).isEqualTo(200);
        assertThat(f.http.post("/v1/types/s3/versions", owner, Map.of("name", "9.9.9")).status()).isEqualTo(403);
        assertThat(f.http.delete("/v1/types/s3/versions/0.0.1", owner).status()).isEqualTo(403);
    }

    @Test
    void revokingARoleTakesEffectImmediately() {
        String projectC = f.newProject("project-c");
        String token = f.userWithRole("temp-c", projectC, "viewer");
        assertThat(f.http.get("/v1/iam/projects/" + projectC, token).status()).isEqualTo(200);
        Http.Resp bindings = f.http.get("/v1/iam/role_bindings", f.admin);
        String bindingId = null;
        for (var b : bindings.body()) {
            if (b.path("project_id").asText().equals(projectC)) {
                bindingId = b.path("id").asText();
            }
        }
        assertThat(f.http.delete("/v1/iam/role_bindings/" + bindingId, f.admin).status()).isEqualTo(204);
        assertThat(f.http.get("/v1/iam/projects/" + projectC, token).status()).isEqualTo(404);
    }
}
