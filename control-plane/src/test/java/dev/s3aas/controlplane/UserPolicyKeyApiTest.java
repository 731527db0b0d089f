package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.testing.FakeNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM users, policies, attachments and access keys of an instance, and their node users. */
class UserPolicyKeyApiTest {
    static final Map<String, Object> READ_ONLY = Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
            "Effect", "Allow", "Action", List.of("s3:GetObject", "s3:ListBucket"),
            "Resource", List.of("arn:aws:s3:::data", "arn:aws:s3:::data/*"))));

    @TempDir
    static Path dir;

    static Fixture f;
    static String base;
    static FakeNode node;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        String id = f.activeInstance(f.admin, "iam-things");
        base = "/v1/types/s3/instances/" + id;
        node = f.nodeOf(f.admin, id);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void usersCrud() {
        Http.Resp u = f.http.post(base + "/users", f.admin, Map.of("name", "erin", "description", "ops"));
        assertThat(u.status()).isEqualTo(201);
        assertThat(u.text("status")).isEqualTo("ACTIVE");
        assertThat(f.http.post(base + "/users", f.admin, Map.of("name", "erin")).status()).isEqualTo(409);
        assertThat(f.http.get(base + "/users/" + u.text("id"), f.admin).text("name")).isEqualTo("erin");
        assertThat(f.http.patch(base + "/users/erin", f.admin, Map.of("description", "dev")).text("description"))
                .isEqualTo("dev");
        assertThat(f.http.get(base + "/users?name=erin", f.admin).body()).hasSize(1);
        assertThat(f.http.delete(base + "/users/erin", f.admin).status()).isEqualTo(204);
        assertThat(f.http.get(base + "/users/erin", f.admin).status()).isEqualTo(404);
    }

    @Test
    void policiesCrudAndAttachmentsReachTheNode() {
        Http.Resp p = f.http.post(base + "/policies", f.admin, Map.of("name", "data-ro", "content", READ_ONLY));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(p.body().path("content").path("Version").asText()).isEqualTo("2012-10-17");
        Http.Resp asString = f.http.post(base + "/policies", f.admin, Map.of("name", "all",
                "content", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"));
        assertThat(asString.status()).isEqualTo(201);

        assertThat(f.http.post(base + "/users", f.admin, Map.of("name", "frank")).status()).isEqualTo(201);
        Http.Resp key = f.http.post(base + "/users/frank/access-keys", f.admin, Map.of());
        Http.Resp att = f.http.post(base + "/users/frank/policies", f.admin, Map.of("policy", "data-ro"));
        assertThat(att.status()).as(att.toString()).isEqualTo(201);
        assertThat(att.text("policy")).isEqualTo("data-ro");
        assertThat(f.http.post(base + "/users/frank/policies", f.admin, Map.of("policy", "data-ro")).status()).isEqualTo(409);
        assertThat(f.http.post(base + "/users/frank/policies", f.admin,
                Map.of("policy", base + "/policies/" + asString.text("id"))).status()).isEqualTo(201);
        Http.Resp missing = f.http.post(base + "/users/frank/policies", f.admin, Map.of("policy", "nope"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("policy");
        assertThat(f.http.get(base + "/users/frank/policies", f.admin).body()).hasSize(2);

        f.awaitIdle();
        assertThat(node.policies).containsKeys("cp-data-ro", "cp-all", "readwrite");
        FakeNode.User nodeUser = node.users.get(key.text("access_key"));
        assertThat(nodeUser.policies()).containsExactly("cp-all", "cp-data-ro");

        assertThat(f.http.delete(base + "/policies/data-ro", f.admin).status()).isEqualTo(409);
        assertThat(f.http.delete(base + "/users/frank/policies/data-ro", f.admin).status()).isEqualTo(204);
        assertThat(f.http.delete(base + "/policies/data-ro", f.admin).status()).isEqualTo(204);
        Http.Resp renamed = f.http.patch(base + "/policies/all", f.admin, Map.of("name", "everything"));
        assertThat(renamed.text("name")).isEqualTo("everything");
        f.awaitIdle();
        assertThat(node.policies).doesNotContainKeys("cp-data-ro", "cp-all").containsKey("cp-everything");
        assertThat(node.users.get(key.text("access_key")).policies()).containsExactly("cp-everything");
    }

    @Test
    void accessKeySecretIsShownOnceAndKeysFollowTheirUser() {
        assertThat(f.http.post(base + "/users", f.admin, Map.of("name", "gina")).status()).isEqualTo(201);
        Http.Resp k = f.http.post(base + "/users/gina/access-keys", f.admin, Map.of("description", "ci"));
        assertThat(k.status()).isEqualTo(201);
        String ak = k.text("access_key");
        String secret = k.text("secret_key");
        assertThat(ak).matches("[A-Z0-9]{20}");
        assertThat(secret).hasSize(40);
        Http.Resp read = f.http.get(base + "/users/gina/access-keys/" + ak, f.admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().has("secret_key")).isFalse();
        assertThat(f.http.get(base + "/users/gina/keys/" + k.text("id"), f.admin).text("access_key")).isEqualTo(ak);
        assertThat(f.http.get(base + "/users/gina/keys", f.admin).raw()).doesNotContain(secret);

        Http.Resp given = f.http.post(base + "/users/gina/keys", f.admin, Map.of("secret_key", "my-own-secret-123"));
        assertThat(given.text("secret_key")).isEqualTo("my-own-secret-123");
        Http.Resp tooShort = f.http.post(base + "/users/gina/keys", f.admin, Map.of("secret_key", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text("field")).isEqualTo("secret_key");
        assertThat(f.http.post(base + "/users/gina/keys", f.admin, Map.of("access_key", "AKIA0000000000000000")).status())
                .isEqualTo(409);
        assertThat(f.http.patch(base + "/users/gina/keys/" + ak, f.admin, Map.of("secret_key", "x12345678")).status())
                .isEqualTo(409);

        f.awaitIdle();
        assertThat(node.users.get(ak)).isEqualTo(new FakeNode.User(secret, true, List.of()));
        assertThat(node.users.get(given.text("access_key")).secret()).isEqualTo("my-own-secret-123");

        assertThat(f.http.patch(base + "/users/gina/keys/" + ak, f.admin, Map.of("status", "INACTIVE")).status()).isEqualTo(200);
        f.awaitIdle();
        assertThat(node.users.get(ak).enabled()).isFalse();
        assertThat(f.http.patch(base + "/users/gina/keys/" + ak, f.admin, Map.of("status", "ACTIVE")).status()).isEqualTo(200);
        assertThat(f.http.patch(base + "/users/gina", f.admin, Map.of("status", "DISABLED")).status()).isEqualTo(200);
        f.awaitIdle();
        assertThat(node.users.get(ak).enabled()).isFalse();
        Http.Resp past = f.http.patch(base + "/users/gina/keys/" + ak, f.admin, Map.of("expires_at", "2001-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("field")).isEqualTo("expires_at");
        assertThat(f.http.patch(base + "/users/gina/keys/" + ak, f.admin, Map.of("expires_at", "2999-01-01T00:00:00Z"))
                .text("expires_at")).isEqualTo("2999-01-01T00:00:00Z");

        assertThat(f.http.delete(base + "/users/gina/access-keys/" + ak, f.admin).status()).isEqualTo(204);
        assertThat(f.http.delete(base + "/users/gina", f.admin).status()).isEqualTo(204);
        f.awaitIdle();
        assertThat(node.users).doesNotContainKeys(ak, given.text("access_key"));
    }
}
