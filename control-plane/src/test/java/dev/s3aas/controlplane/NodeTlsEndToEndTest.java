package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.tls.Pem;
import dev.s3aas.common.tls.TrustStores;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.provision.RealNodeMain;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3AAS_NODE_TLS end to end: the control plane with the local provisioner running a real node process that
 * serves HTTPS with a certificate of the control plane's CA; the reconciler syncs it over TLS, the instance
 * view gives an https endpoint and the CA certificate, and an S3 client trusting that CA (and only one trusting
 * it) reaches the node. The CA's private key is nowhere in the data dir in the clear.
 */
class NodeTlsEndToEndTest {
    private static final String BASE = "/v1/types/s3/instances";

    @Test
    void anInstanceOnTlsNodesIsServedOverHttpsVerifiedByTheCaOfItsView(@TempDir Path dir) throws Exception {
        ControlPlaneConfig config = Fixture.localNodes(dir, RealNodeMain.class).withNodeTls(true);
        try (ControlPlane cp = ControlPlane.start(config)) {
            Http http = new Http(cp.port());
            String token = http.login("admin", Fixture.ADMIN_PASSWORD);
            Http.Resp created = http.post(BASE, token, Map.of("name", "secure", "bucket_name", "files"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String inst = BASE + "/" + created.text("id");
            try {
                Http.Resp active = Converge.await(() -> http.get(inst, token), r -> "ACTIVE".equals(r.text("status")));
                String endpoint = active.text("endpoint");
                String caPem = active.text("ca_certificate");
                assertThat(endpoint).startsWith("https://127.0.0.1:");
                assertThat(active.body().path("nodes").get(0).path("url").asText()).isEqualTo(endpoint);
                assertThat(caPem).startsWith("-----BEGIN CERTIFICATE-----");

                String nodeId = active.body().path("nodes").get(0).path("id").asText();
                checkNodeFiles(dir.resolve("nodes").resolve(nodeId), Pem.certificates(caPem).get(0));

                MinioClient s3 = userClient(http, token, inst, endpoint, trusting(caPem));
                // The default bucket was made by the reconciler over TLS; the user's key reached the node the same way.
                assertThat(Converge.await(() -> s3.bucketExists(BucketExistsArgs.builder().bucket("files").build()), b -> b))
                        .isTrue();
                Converge.await(() -> s3.putObject(PutObjectArgs.builder().bucket("files").object("k")
                        .stream(new ByteArrayInputStream("over tls".getBytes(StandardCharsets.UTF_8)), 8, -1).build()),
                        r -> true);
                try (var in = s3.getObject(GetObjectArgs.builder().bucket("files").object("k").build())) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("over tls");
                }
                // The bucket-emptiness probe asks the node over TLS too: 409, not 503 (node unreachable).
                assertThat(http.delete(inst + "/buckets/files", token).status()).isEqualTo(409);

                MinioClient untrusting = MinioClient.builder().endpoint(endpoint).region("us-east-1")
                        .credentials("any", "any-secret").build();
                assertThatThrownBy(() -> untrusting.bucketExists(BucketExistsArgs.builder().bucket("files").build()))
                        .isInstanceOf(SSLHandshakeException.class);

                assertCaKeyNotInPlainFiles(config, dir);
            } finally {
                http.delete(inst, token);
                Converge.await(() -> http.get(inst, token), r -> r.status() == 404);
            }
        }
    }

    private static void checkNodeFiles(Path nodeDir, X509Certificate ca) throws Exception {
        for (String f : List.of("tls.key", "tls.crt")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodeDir.resolve(f))))
                    .as(f).isEqualTo("rw-------");
        }
        X509Certificate leaf = Pem.certificates(Files.readString(nodeDir.resolve("tls.crt"))).get(0);
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))))
                .contains("127.0.0.1", "localhost");
    }

    private static OkHttpClient trusting(String caPem) throws Exception {
        List<X509Certificate> ca = Pem.certificates(caPem);
        return new OkHttpClient.Builder().sslSocketFactory(TrustStores.clientContext(ca).getSocketFactory(),
                TrustStores.trustManager(ca)).build();
    }

    /** A user with read-write on the instance and an access key, all made through the API. */
    private static MinioClient userClient(Http http, String token, String inst, String endpoint, OkHttpClient ok)
            throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
                + "\"Resource\":[\"arn:aws:s3:::files\",\"arn:aws:s3:::files/*\"]}]}";
        assertThat(http.post(inst + "/users", token, Map.of("name", "app")).status()).isEqualTo(201);
        assertThat(http.post(inst + "/policies", token, Map.of("name", "files-rw", "content", Http.JSON.readTree(policy)))
                .status()).isEqualTo(201);
        assertThat(http.post(inst + "/users/app/policies", token, Map.of("policy", "files-rw")).status())
                .isEqualTo(201);
        Http.Resp key = http.post(inst + "/users/app/access-keys", token, Map.of());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return MinioClient.builder().endpoint(endpoint).region("us-east-1").httpClient(ok)
                .credentials(key.text("access_key"), key.text("secret_key")).build();
    }

    /** Every file under the data dir, the SQLite database included, is searched for the CA key's bytes. */
    private static void assertCaKeyNotInPlainFiles(ControlPlaneConfig config, Path dir) throws Exception {
        String sealed;
        try (Database db = Database.open(config.effectiveDbUrl(), null, null)) {
            sealed = db.read(h -> h.createQuery("SELECT private_key_sealed FROM node_tls_ca").mapTo(String.class).one());
        }
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        String keyPem = SecretBox.fromKeyFile(config.masterKeyFile()).decrypt(sealed);
        byte[] der = Pem.privateKey(keyPem).getEncoded();
        String base64 = Base64.getEncoder().encodeToString(der);
        List<Path> searched = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(base64.substring(0, 48))
                        .doesNotContain(new String(der, StandardCharsets.ISO_8859_1));
                searched.add(f);
            }
        }
        assertThat(searched).anyMatch(f -> f.getFileName().toString().equals("control-plane.db"))
                .anyMatch(f -> f.getFileName().toString().equals("tls.key"));
    }
}
