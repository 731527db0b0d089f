package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.provision.RealNodeMain;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The object browser's API end to end: a real control plane whose local provisioner runs a real node process;
 * objects go through {@code …/buckets/{bucket}/object(s)} over java.net.http and are checked on the node
 * itself with the AWS SDK (a user key made through the API), and the other way round.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectApiEndToEndTest {
    private static final String BASE = "/v1/types/s3/instances";
    private static final String VIEWER_PASSWORD = "password-viewer";

    private ControlPlane cp;
    private Http http;
    private String admin;
    private String viewer;
    private String inst;
    private S3Client s3;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cp = ControlPlane.start(Fixture.localNodes(dir, RealNodeMain.class));
        http = new Http(cp.port());
        admin = http.login("admin", Fixture.ADMIN_PASSWORD);
        Http.Resp created = http.post(BASE, admin, Map.of("name", "browser", "bucket_name", "files"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        inst = BASE + "/" + created.text("id");
        for (Map<String, Object> b : List.<Map<String, Object>>of(Map.of("name", "browse"),
                Map.of("name", "history", "versioning_enabled", true))) {
            assertThat(http.post(inst + "/buckets", admin, b).status()).isEqualTo(201);
        }
        Http.Resp active = Converge.await(() -> http.get(inst, admin), r -> "ACTIVE".equals(r.text("status"))
                && r.body().path("generation").asLong() == r.body().path("observed_generation").asLong());
        s3 = sdkClient(active.text("endpoint"));
        viewer = viewer(created.text("project_id"));
    }

    @AfterAll
    void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (inst != null) {
            http.delete(inst, admin);
            Converge.await(() -> http.get(inst, admin), r -> r.status() == 404);
        }
        cp.close();
    }

    @Test
    void a20MiBUploadThroughTheApiIsOnTheNodeByteExact() throws Exception {
        byte[] data = random(20 * 1024 * 1024, 1);
        String key = "docs/report 2026/ü?&=+%2F../big.bin";
        HttpResponse<String> put = put("files", key, data, "application/x-test");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        JsonNode answer = Http.JSON.readTree(put.body());
        assertThat(answer.path("key").asText()).isEqualTo(key);
        assertThat(answer.path("size").asLong()).isEqualTo(data.length);
        assertThat(answer.path("etag").asText()).isEqualTo(md5(data)); // a single PUT: the ETag is the MD5
        assertThat(answer.has("version_id")).isTrue();
        assertThat(answer.path("version_id").isNull()).isTrue();

        var onNode = s3.getObjectAsBytes(b -> b.bucket("files").key(key));
        assertThat(onNode.asByteArray()).isEqualTo(data);
        assertThat(onNode.response().contentType()).isEqualTo("application/x-test");
    }

    @Test
    void anSdkUploadDownloadsThroughTheApiByteExactAsAnAttachment() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 17, 2);
        String key = "from-sdk/Ünïcode name;\"quoted\".png";
        s3.putObject(b -> b.bucket("files").key(key).contentType("image/png"), RequestBody.fromBytes(data));

        HttpResponse<byte[]> get = client.send(request("GET", object("files", key), admin).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(data);
        var h = get.headers();
        assertThat(h.firstValue("Content-Type")).hasValue("image/png");
        assertThat(h.firstValueAsLong("Content-Length")).hasValue(data.length);
        assertThat(h.firstValue("ETag")).hasValue("\"" + md5(data) + "\"");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("Content-Disposition"))
                .hasValue("attachment; filename*=UTF-8''%C3%9Cn%C3%AFcode%20name%3B%22quoted%22.png");

        HttpResponse<byte[]> head = client.send(request("HEAD", object("files", key), admin).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(data.length);
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + md5(data) + "\"");
    }

    @Test
    void listingsRollUpPrefixesAndPage() throws Exception {
        List<String> keys = List.of("a.txt", "b.txt", "docs/x/y.txt", "photos/1.jpg", "photos/2.jpg");
        for (String k : keys) {
            assertThat(put("browse", k, k.getBytes(StandardCharsets.UTF_8), "text/plain").statusCode()).isEqualTo(201);
        }
        Http.Resp folders = http.get(objects("browse", "delimiter=/"), admin);
        assertThat(folders.status()).as(folders.toString()).isEqualTo(200);
        assertThat(texts(folders.body().path("items"), "key")).containsExactly("a.txt", "b.txt");
        assertThat(folders.body().path("items").get(0).path("size").asLong()).isEqualTo(5);
        assertThat(folders.body().path("items").get(0).path("etag").asText()).isEqualTo(md5("a.txt".getBytes()));
        assertThat(folders.body().path("items").get(0).path("last_modified").asText()).endsWith("Z");
        assertThat(folders.body().path("items").get(0).path("storage_class").asText()).isEqualTo("STANDARD");
        assertThat(strings(folders.body().path("prefixes"))).containsExactly("docs/", "photos/");
        assertThat(folders.body().path("next_page_token").isNull()).isTrue();

        Http.Resp photos = http.get(objects("browse", "prefix=photos/&delimiter=/"), admin);
        assertThat(texts(photos.body().path("items"), "key")).containsExactly("photos/1.jpg", "photos/2.jpg");

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String q = "limit=2" + (token == null ? "" : "&page_token=" + enc(token));
            Http.Resp page = http.get(objects("browse", q), admin);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pageSizes.add(page.body().path("items").size());
            seen.addAll(texts(page.body().path("items"), "key"));
            token = page.body().path("next_page_token").asText(null);
        } while (token != null && pageSizes.size() < 10);
        assertThat(seen).isEqualTo(keys);
        assertThat(pageSizes).containsExactly(2, 2, 1);

        assertThat(http.get(objects("browse", "limit=0"), admin).body().path("field").asText()).isEqualTo("limit");
    }

    @Test
    void versionsAfterAnOverwriteAndADeleteAndAnOldVersionDownloads() throws Exception {
        String key = "notes/todo.txt";
        String v1 = Http.JSON.readTree(put("history", key, "one".getBytes(), "text/plain").body()).path("version_id").asText();
        String v2 = Http.JSON.readTree(put("history", key, "two!".getBytes(), "text/plain").body()).path("version_id").asText();
        assertThat(v1).isNotBlank().isNotEqualTo("null").isNotEqualTo(v2);
        HttpResponse<String> del = client.send(request("DELETE", object("history", key), admin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(del.headers().firstValue("X-Delete-Marker")).hasValue("true");
        assertThat(http.get(object("history", key), admin).status()).isEqualTo(404);

        Http.Resp all = http.get(inst + "/buckets/history/objects/versions?prefix=notes/", admin);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        JsonNode items = all.body().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("delete_marker").asBoolean()).isTrue();
        assertThat(items.get(0).path("is_latest").asBoolean()).isTrue();
        assertThat(items.get(0).path("size").isNull()).isTrue();
        assertThat(texts(items, "version_id").subList(1, 3)).containsExactly(v2, v1);
        assertThat(items.get(2).path("size").asLong()).isEqualTo(3);
        assertThat(items.get(2).path("is_latest").asBoolean()).isFalse();

        HttpResponse<String> old = client.send(request("GET", object("history", key) + "&version_id=" + enc(v1), admin)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.body()).isEqualTo("one");
        assertThat(old.headers().firstValue("X-Version-Id")).hasValue(v1);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Http.Resp p = http.get(inst + "/buckets/history/objects/versions?prefix=notes/&limit=1"
                    + (token == null ? "" : "&page_token=" + enc(token)), admin);
            paged.addAll(texts(p.body().path("items"), "version_id"));
            token = p.body().path("next_page_token").asText(null);
            pages++;
        } while (token != null && pages < 10);
        assertThat(paged).isEqualTo(texts(items, "version_id"));
        assertThat(http.get(inst + "/buckets/history/objects/versions?page_token=garbage", admin).body()
                .path("field").asText()).isEqualTo("page_token");

        assertThat(client.send(request("DELETE", object("history", key) + "&version_id=" + enc(v1), admin).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(http.get(inst + "/buckets/history/objects/versions?prefix=notes/", admin).body().path("items"))
                .hasSize(2);
    }

    @Test
    void aDeletedObjectIsGoneFromTheNodeAndTheDeleteIsAudited() throws Exception {
        String key = "tmp/gone.txt";
        assertThat(put("files", key, "bye".getBytes(), null).statusCode()).isEqualTo(201);
        assertThat(client.send(request("DELETE", object("files", key), admin).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        Http.Resp missing = http.get(object("files", key), admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("not_found");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("files").key(key))).isInstanceOf(NoSuchKeyException.class);

        Http.Resp audit = http.get("/v1/audit?instance=" + inst.substring(BASE.length() + 1), admin);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().findValuesAsText("action")).contains("s3aas.object.write");
        assertThat(audit.body().findValuesAsText("route")).contains(BASE + "/{instance}/buckets/{bucket}/object");
    }

    @Test
    void aViewerListsAndDownloadsButCannotUploadOrDelete() throws Exception {
        assertThat(put("files", "viewer/seen.txt", "visible".getBytes(), null).statusCode()).isEqualTo(201);
        assertThat(http.get(objects("files", "prefix=viewer/"), viewer).status()).isEqualTo(200);
        assertThat(http.get(inst + "/buckets/files/objects/versions", viewer).status()).isEqualTo(200);
        HttpResponse<String> get = client.send(request("GET", object("files", "viewer/seen.txt"), viewer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("visible");

        HttpResponse<String> put = client.send(request("PUT", object("files", "viewer/new.txt"), viewer)
                .PUT(HttpRequest.BodyPublishers.ofString("nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(Http.JSON.readTree(put.body()).path("code").asText()).isEqualTo("forbidden");
        HttpResponse<String> del = client.send(request("DELETE", object("files", "viewer/seen.txt"), viewer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(del.statusCode()).isEqualTo(403);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("files").key("viewer/seen.txt")).asUtf8String()).isEqualTo("visible");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("files").key("viewer/new.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void badKeysAre400NamingTheKey() throws Exception {
        String base = inst + "/buckets/files/object";
        for (String query : List.of("", "?key=", "?key=a%00b", "?key=" + "k".repeat(1025))) {
            Http.Resp r = http.get(base + query, admin);
            assertThat(r.status()).as(query + " " + r).isEqualTo(400);
            assertThat(r.text("field")).isEqualTo("key");
            HttpResponse<String> put = client.send(request("PUT", base + query, admin)
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(400);
            assertThat(Http.JSON.readTree(put.body()).path("field").asText()).isEqualTo("key");
        }
        // 1024 bytes of UTF-8 (512 two-byte characters) is still a key.
        assertThat(put("files", "é".repeat(512), "max".getBytes(), null).statusCode()).isEqualTo(201);
    }

    @Test
    void anUploadWithoutContentLengthIs411AndAnOversizedOneIs413() throws Exception {
        HttpResponse<String> chunked = client.send(request("PUT", object("files", "chunked.bin"), admin)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[10])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(411);
        assertThat(Http.JSON.readTree(chunked.body()).path("code").asText()).isEqualTo("length_required");

        // Declares 6 GiB and sends none of it: refused from the headers, before any body byte is read.
        try (Socket s = new Socket("127.0.0.1", cp.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + object("files", "huge.bin") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + admin + "\r\nContent-Length: 6442450944\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("payload_too_large").contains("6442450944");
        }
    }

    @Test
    void objectsOfAMissingBucketAre404() throws Exception {
        assertThat(http.get(objects("no-such-bucket", ""), admin).status()).isEqualTo(404);
        assertThat(http.get(object("no-such-bucket", "k"), admin).status()).isEqualTo(404);
        HttpResponse<String> put = put("no-such-bucket", "k", "x".getBytes(), null);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(Http.JSON.readTree(put.body()).path("message").asText()).contains("no-such-bucket");
    }

    /** GET …/buckets/{bucket}/usage is what the node counts: N objects put with the SDK and their bytes. */
    @Test
    void usageCountsTheObjectsAndBytesOnTheNode() throws Exception {
        assertThat(http.post(inst + "/buckets", admin, Map.of("name", "counted")).status()).isEqualTo(201);
        String usage = inst + "/buckets/counted/usage";
        Http.Resp empty = Converge.await(() -> http.get(usage, admin), r -> r.status() == 200);
        assertThat(empty.body().path("objects").asLong()).as(empty.toString()).isZero();
        assertThat(empty.body().path("bytes").asLong()).as(empty.toString()).isZero();
        assertThat(empty.text("bucket")).isEqualTo("counted");

        long bytes = 0;
        int n = 7;
        for (int i = 0; i < n; i++) {
            byte[] data = random(1000 * (i + 1) + i, 30 + i);
            bytes += data.length;
            s3.putObject(b -> b.bucket("counted").key("dir/obj-" + data.length), RequestBody.fromBytes(data));
        }
        Http.Resp counted = http.get(usage, viewer);
        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        assertThat(counted.body().path("objects").asLong()).as(counted.toString()).isEqualTo(n);
        assertThat(counted.body().path("bytes").asLong()).as(counted.toString()).isEqualTo(bytes);

        s3.deleteObject(b -> b.bucket("counted").key("dir/obj-1000"));
        Http.Resp after = http.get(usage, admin);
        assertThat(after.body().path("objects").asLong()).as(after.toString()).isEqualTo(n - 1);
        assertThat(after.body().path("bytes").asLong()).as(after.toString()).isEqualTo(bytes - 1000);
        assertThat(http.get(inst + "/buckets/no-such-bucket/usage", admin).status()).isEqualTo(404);
    }

    private HttpResponse<String> put(String bucket, String key, byte[] data, String contentType) throws Exception {
        HttpRequest.Builder b = request("PUT", object(bucket, key), admin).PUT(HttpRequest.BodyPublishers.ofByteArray(data));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cp.port() + path))
                .header("Authorization", "Bearer " + token);
        return switch (method) {
            case "GET" -> b.GET();
            case "HEAD" -> b.HEAD();
            case "DELETE" -> b.DELETE();
            default -> b;
        };
    }

    private String object(String bucket, String key) {
        return inst + "/buckets/" + bucket + "/object?key=" + enc(key);
    }

    private String objects(String bucket, String query) {
        return inst + "/buckets/" + bucket + "/objects" + (query.isEmpty() ? "" : "?" + query);
    }

    private String viewer(String projectId) {
        assertThat(http.post("/v1/iam/users", admin, Map.of("name", "viewer", "password", VIEWER_PASSWORD)).status())
                .isEqualTo(201);
        assertThat(http.post("/v1/iam/role_bindings", admin, Map.of("user_id", "viewer", "project_id", projectId,
                "role", "viewer")).status()).isEqualTo(201);
        return http.login("viewer", VIEWER_PASSWORD);
    }

    /** A client of a node user allowed everything on every bucket, made through the API. */
    private S3Client sdkClient(String endpoint) throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
                + "\"Resource\":[\"arn:aws:s3:::*\"]}]}";
        assertThat(http.post(inst + "/users", admin, Map.of("name", "app")).status()).isEqualTo(201);
        assertThat(http.post(inst + "/policies", admin, Map.of("name", "all", "content", Http.JSON.readTree(policy)))
                .status()).isEqualTo(201);
        assertThat(http.post(inst + "/users/app/policies", admin, Map.of("policy", "all")).status()).isEqualTo(201);
        Http.Resp key = http.post(inst + "/users/app/access-keys", admin, Map.of());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        S3Client c = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.text("access_key"), key.text("secret_key"))))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build();
        Converge.await(() -> c.listObjectsV2(b -> b.bucket("history")), r -> true);
        return c;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    static String md5(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
