package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict input: every malformed request is refused with a JSON error naming the field. */
class ValidationApiTest {
    private static final String BASE = "/v1/types/s3/instances";

    @TempDir
    static Path dir;

    static Fixture f;
    static String instance;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
        instance = f.activeInstance(f.admin, "validation");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"x1\",\"colour\":\"red\"}            | 400 | colour        | unknown_field",
        "{\"name\":\"x2\",\"versioning\":\"yes\"}         | 400 | versioning    | invalid_type",
        "{\"name\":\"x3\",\"cpu\":1.5}                    | 400 | cpu           | invalid_type",
        "{\"name\":42}                                    | 400 | name          | invalid_type",
        "{\"name\":\"x4\",\"status\":\"ACTIVE\"}          | 409 | status        | read_only_field",
        "{\"name\":\"x5\",\"id\":\"abc\"}                 | 409 | id            | read_only_field",
        "{\"name\":\"x6\",\"nodes\":[]}                   | 409 | nodes         | read_only_field",
        "{\"name\":\"x7\",\"root_secret\":\"s\"}          | 409 | root_secret   | read_only_field",
        "{\"name\":\"x8\",\"project_id\":\"p\"}           | 400 | project_id    | invalid_field",
        "{\"description\":\"no name\"}                    | 400 | name          | missing_field",
        "{\"name\":\"bad name!\"}                         | 400 | name          | invalid_field",
        "{\"name\":\"x9\",\"encryption\":\"rot13\"}       | 400 | encryption    | invalid_field",
        "{\"name\":\"x10\",\"nodes_number\":0}            | 400 | nodes_number  | invalid_field",
        "{\"name\":\"x11\",\"bucket_name\":\"Bad_Bucket\"} | 400 | bucket_name   | invalid_field",
        // 2^32 + 1 would be 1 if it were truncated to an int.
        "{\"name\":\"x12\",\"nodes_number\":4294967297} | 400 | nodes_number | invalid_field",
        "{\"name\":\"x13\",\"cpu\":4294967297}         | 400 | cpu          | invalid_field",
        "{\"name\":\"x14\",\"ram\":-4294966272}        | 400 | ram          | invalid_field",
    })
    void instanceCreateIsStrict(String body, int status, String field, String code) {
        Http.Resp r = f.http.post(BASE, f.admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text("field")).isEqualTo(field);
        assertThat(r.text("code")).isEqualTo(code);
        assertThat(r.text("message")).isNotBlank();
    }

    @Test
    void integersBeyondTheIntRangeAreRefusedOnUpdateToo() {
        Http.Resp r = f.http.patch(BASE + "/" + instance, f.admin, Map.of("disk_size", 4294967306L));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("disk_size");
        assertThat(f.http.get(BASE + "/" + instance, f.admin).body().path("disk_size").asLong()).isEqualTo(10);
    }

    @Test
    void malformedBodiesAndPaths() {
        Http.Resp json = f.http.post(BASE, f.admin, "{\"name\": ");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.text("code")).isEqualTo("invalid_json");
        assertThat(f.http.post(BASE, f.admin, "[1,2]").status()).isEqualTo(400);
        assertThat(f.http.post(BASE, f.admin, "{\"name\":\"a\",\"name\":\"b\"}").status()).isEqualTo(400);
        Http.Resp big = f.http.post(BASE, f.admin, "{\"name\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(f.http.get("/v1/nothing-here", f.admin).status()).isEqualTo(404);
        Http.Resp method = f.http.call("PUT", BASE, f.admin, "{}", Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.text("code")).isEqualTo("method_not_allowed");
    }

    @Test
    void bucketValidation() {
        String buckets = BASE + "/" + instance + "/buckets";
        for (String bad : new String[] {"ab", "UPPER", "has_underscore", "-dash", "a..b", "192.168.1.1", "xn--abc", "x-s3alias"}) {
            Http.Resp r = f.http.post(buckets, f.admin, Map.of("name", bad));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.text("field")).isEqualTo("name");
        }
        Http.Resp retention = f.http.post(buckets, f.admin, Map.of("name", "ret-no-lock",
                "default_retention_mode", "GOVERNANCE", "default_retention_days", 3));
        assertThat(retention.status()).isEqualTo(422);
        assertThat(retention.text("field")).isEqualTo("default_retention_mode");
        Http.Resp half = f.http.post(buckets, f.admin, Map.of("name", "ret-half", "object_lock_enabled", true,
                "default_retention_mode", "GOVERNANCE"));
        assertThat(half.status()).isEqualTo(422);
        Http.Resp quota = f.http.post(buckets, f.admin, Map.of("name", "neg-quota", "quota_bytes", -1));
        assertThat(quota.status()).isEqualTo(400);
        assertThat(quota.text("field")).isEqualTo("quota_bytes");

        assertThat(f.http.post(buckets, f.admin, Map.of("name", "immut")).status()).isEqualTo(201);
        for (String field : new String[] {"name", "object_lock_enabled"}) {
            Http.Resp r = f.http.patch(buckets + "/immut", f.admin, Map.of(field, field.equals("name") ? "other" : true));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.text("field")).isEqualTo(field);
        }
        Http.Resp status = f.http.patch(buckets + "/immut", f.admin, Map.of("status", "ACTIVE"));
        assertThat(status.status()).isEqualTo(409);
        assertThat(status.text("field")).isEqualTo("status");
    }

    @Test
    void userAndPolicyValidation() {
        String users = BASE + "/" + instance + "/users";
        assertThat(f.http.post(users, f.admin, Map.of("name", "immutable-user")).status()).isEqualTo(201);
        Http.Resp rename = f.http.patch(users + "/immutable-user", f.admin, Map.of("name", "renamed"));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.text("field")).isEqualTo("name");
        Http.Resp badStatus = f.http.patch(users + "/immutable-user", f.admin, Map.of("status", "SLEEPING"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.text("field")).isEqualTo("status");

        String policies = BASE + "/" + instance + "/policies";
        for (Object content : new Object[] {"{not json", Map.of("Version", "2012-10-17"),
                Map.of("Version", "2012-10-17", "Statement", Map.of("Effect", "Maybe", "Action", "s3:*", "Resource", "*")),
                Map.of("Version", "2012-10-17", "Statement", Map.of("Effect", "Allow", "Resource", "*")),
                Map.of("Version", "2012-10-17", "Statement", Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "*",
                        "Principal", "*")),
                Map.of("Version", "1999-01-01", "Statement", Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "*"))}) {
            Http.Resp r = f.http.post(policies, f.admin, Map.of("name", "bad", "content", content));
            assertThat(r.status()).as(content.toString()).isEqualTo(400);
            assertThat(r.text("field")).isEqualTo("content");
            assertThat(r.text("code")).isEqualTo("invalid_policy");
        }
        Http.Resp admin = f.http.post(policies, f.admin, Map.of("name", "node-admin", "content", Map.of(
                "Version", "2012-10-17", "Statement", Map.of("Effect", "Allow", "Action", "*", "Resource", "*"))));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(400);
        assertThat(admin.text("field")).isEqualTo("content");
        assertThat(admin.text("message")).contains("S3 action");
        // The node takes a user's policies as one comma-separated list: "a,b" would attach "a" and "b".
        Http.Resp comma = f.http.post(policies, f.admin, Map.of("name", "read,write", "content", Map.of(
                "Version", "2012-10-17", "Statement", Map.of("Effect", "Allow", "Action", "s3:*", "Resource", "*"))));
        assertThat(comma.status()).as(comma.toString()).isEqualTo(400);
        assertThat(comma.text("field")).isEqualTo("name");
    }
}
