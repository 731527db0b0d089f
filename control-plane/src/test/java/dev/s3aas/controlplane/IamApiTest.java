package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /v1/iam/users}, {@code /v1/iam/projects}, {@code /v1/iam/role_bindings}. */
class IamApiTest {
    @TempDir
    static Path dir;

    static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void bootstrapCreatedAdminAndDefaultProject() {
        Http.Resp projects = f.http.get("/v1/iam/projects", f.admin);
        assertThat(projects.raw()).contains("\"default\"");
        Http.Resp me = f.http.get("/v1/iam/users/admin", f.admin);
        assertThat(me.body().path("is_admin").asBoolean()).isTrue();
        assertThat(me.raw()).doesNotContain("password");
    }

    @Test
    void usersCrud() {
        Http.Resp created = f.http.post("/v1/iam/users", f.admin, Map.of("name", "carol", "password", "carol-password"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw()).doesNotContain("carol-password").doesNotContain("argon2");
        assertThat(f.http.post("/v1/iam/users", f.admin, Map.of("name", "carol", "password", "carol-password")).status())
                .isEqualTo(409);
        Http.Resp weak = f.http.post("/v1/iam/users", f.admin, Map.of("name", "weak", "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text("field")).isEqualTo("password");

        String carol = f.http.login("carol", "carol-password");
        assertThat(f.http.patch("/v1/iam/users/carol", carol, Map.of("password", "carol-new-password",
                "current_password", "carol-password")).status()).isEqualTo(200);
        f.http.login("carol", "carol-new-password");
        assertThat(f.http.patch("/v1/iam/users/carol", carol, Map.of("is_admin", true)).status()).isEqualTo(403);
        assertThat(f.http.post("/v1/iam/users", carol, Map.of("name", "dave", "password", "dave-password")).status())
                .isEqualTo(403);
        assertThat(f.http.get("/v1/iam/users", carol).body()).hasSize(1);
        assertThat(f.http.patch("/v1/iam/users/carol", f.admin, Map.of("status", "DISABLED")).status()).isEqualTo(200);
        assertThat(f.http.get("/v1/iam/projects", carol).status()).isEqualTo(401);
        assertThat(f.http.delete("/v1/iam/users/carol", f.admin).status()).isEqualTo(204);
        assertThat(f.http.get("/v1/iam/users/carol", f.admin).status()).isEqualTo(404);
    }

    @Test
    void uuidShapedUserAndProjectNamesAreRefused() {
        // Another user's uuid as a name would make references to that user ambiguous.
        String adminId = f.http.get("/v1/iam/users/admin", f.admin).text("id");
        Http.Resp user = f.http.post("/v1/iam/users", f.admin, Map.of("name", adminId, "password", "shadow-password"));
        assertThat(user.status()).as(user.toString()).isEqualTo(400);
        assertThat(user.text("field")).isEqualTo("name");
        String projectId = f.http.get("/v1/iam/projects/default", f.admin).text("id");
        Http.Resp project = f.http.post("/v1/iam/projects", f.admin, Map.of("name", projectId));
        assertThat(project.status()).as(project.toString()).isEqualTo(400);
        assertThat(project.text("field")).isEqualTo("name");
        Http.Resp rename = f.http.patch("/v1/iam/projects/default", f.admin, Map.of("name", adminId));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(400);
        assertThat(f.http.get("/v1/iam/users/" + adminId, f.admin).text("name")).isEqualTo("admin");
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOne() {
        f.http.post("/v1/iam/users", f.admin, Map.of("name", "erin", "password", "erin-password"));
        String erin = f.http.login("erin", "erin-password");
        Http.Resp missing = f.http.patch("/v1/iam/users/erin", erin, Map.of("password", "stolen-token-pass"));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("current_password");
        Http.Resp wrong = f.http.patch("/v1/iam/users/erin", erin, Map.of("password", "stolen-token-pass",
                "current_password", "not-erins-password"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.text("field")).isEqualTo("current_password");
        f.http.login("erin", "erin-password");
        // An admin resetting someone else's password does not know it.
        assertThat(f.http.patch("/v1/iam/users/erin", f.admin, Map.of("password", "erin-reset-pass")).status())
                .isEqualTo(200);
        f.http.login("erin", "erin-reset-pass");
    }

    @Test
    void passwordAndStatusChangesRevokeRefreshTokens() {
        f.http.post("/v1/iam/users", f.admin, Map.of("name", "frank", "password", "frank-password"));
        String before = refreshToken("frank", "frank-password");
        assertThat(f.http.patch("/v1/iam/users/frank", f.admin, Map.of("password", "frank-password-2")).status())
                .isEqualTo(200);
        assertThat(refresh(before).status()).isEqualTo(401);

        String beforeDisable = refreshToken("frank", "frank-password-2");
        assertThat(f.http.patch("/v1/iam/users/frank", f.admin, Map.of("status", "DISABLED")).status()).isEqualTo(200);
        assertThat(f.http.patch("/v1/iam/users/frank", f.admin, Map.of("status", "ACTIVE")).status()).isEqualTo(200);
        assertThat(refresh(beforeDisable).status()).isEqualTo(401);

        String unrelated = refreshToken("frank", "frank-password-2");
        assertThat(f.http.patch("/v1/iam/users/frank", f.admin, Map.of("status", "ACTIVE")).status()).isEqualTo(200);
        assertThat(refresh(unrelated).status()).isEqualTo(200);
    }

    @Test
    void aTokenScopedToAProjectWhereTheUserIsViewerCannotCreateUsers() {
        String owned = f.newProject("scope-owned");
        String viewed = f.newProject("scope-viewed");
        f.userWithRole("scope-user", owned, "owner");
        assertThat(f.http.post("/v1/iam/role_bindings", f.admin, Map.of("user_id", "scope-user", "project_id", viewed,
                "role", "viewer")).status()).isEqualTo(201);
        String narrowed = f.http.login("scope-user", "password-scope-user", viewed);
        Http.Resp denied = f.http.post("/v1/iam/users", narrowed, Map.of("name", "via-viewer", "password", "via-viewer-pw"));
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(f.http.get("/v1/iam/users", narrowed).body()).hasSize(1);
        String asOwner = f.http.login("scope-user", "password-scope-user", owned);
        assertThat(f.http.post("/v1/iam/users", asOwner, Map.of("name", "via-owner", "password", "via-owner-pw"))
                .status()).isEqualTo(201);
    }

    private static String refreshToken(String user, String password) {
        Http.Resp r = f.http.post("/v1/auth/token", null, Map.of("username", user, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("refresh_token");
    }

    private static Http.Resp refresh(String token) {
        return f.http.post("/v1/auth/token", null, Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    @Test
    void projectsCrudAndOwnersBindRoles() {
        String id = f.newProject("team-x");
        assertThat(f.http.post("/v1/iam/projects", f.admin, Map.of("name", "team-x")).status()).isEqualTo(409);
        Http.Resp patched = f.http.patch("/v1/iam/projects/" + id, f.admin, Map.of("description", "the x team"));
        assertThat(patched.text("description")).isEqualTo("the x team");

        String owner = f.userWithRole("x-owner", id, "owner");
        Http.Resp made = f.http.post("/v1/iam/users", owner, Map.of("name", "x-member", "password", "x-member-pass"));
        assertThat(made.status()).isEqualTo(201);
        Http.Resp bind = f.http.post("/v1/iam/role_bindings", owner, Map.of("user_id", "x-member", "project_id", id,
                "role", "operator"));
        assertThat(bind.status()).isEqualTo(201);
        assertThat(bind.text("role")).isEqualTo("operator");
        assertThat(f.http.post("/v1/iam/role_bindings", owner, Map.of("user_id", "x-member", "project_id", id,
                "role", "viewer")).status()).isEqualTo(409);
        assertThat(f.http.post("/v1/iam/role_bindings", owner, Map.of("user_id", "x-member", "project_id", "default",
                "role", "owner")).status()).isEqualTo(400);
        Http.Resp badRole = f.http.post("/v1/iam/role_bindings", f.admin, Map.of("user_id", "x-owner", "project_id",
                "default", "role", "god"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.text("field")).isEqualTo("role");
        assertThat(f.http.post("/v1/iam/projects", owner, Map.of("name", "owner-project")).status()).isEqualTo(403);

        String member = f.http.login("x-member", "x-member-pass", id);
        assertThat(f.http.post("/v1/types/s3/instances", member, Map.of("name", "nope")).status()).isEqualTo(403);
        String ownerScoped = f.http.login("x-owner", "password-x-owner");
        Http.Resp inst = f.http.post("/v1/types/s3/instances", ownerScoped, Map.of("name", "x-inst"));
        assertThat(inst.status()).isEqualTo(201);
        Http.Resp notEmpty = f.http.delete("/v1/iam/projects/" + id, f.admin);
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.text("code")).isEqualTo("not_empty");
        f.http.delete("/v1/types/s3/instances/" + inst.text("id"), ownerScoped);
        f.awaitInstance(ownerScoped, inst.text("id"), r -> r.status() == 404);
        assertThat(f.http.delete("/v1/iam/projects/" + id, f.admin).status()).isEqualTo(204);
    }
}
