package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.tls.Certificates;
import dev.s3aas.common.tls.KeyMaterial;
import dev.s3aas.common.tls.Pem;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.common.tls.TrustStores;
import dev.s3aas.controlplane.testing.FakeNode;
import dev.s3aas.controlplane.testing.FakeProvisioner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over HTTPS (S3AAS_TLS_CERT / S3AAS_TLS_KEY) with a certificate made here. */
class ControlPlaneHttpsTest {
    @Test
    void theApiIsServedOverHttpsToClientsTrustingItsCertificate(@TempDir Path dir) throws Exception {
        KeyPair caPair = Certificates.newKeyPair();
        KeyMaterial ca = new KeyMaterial(caPair.getPrivate(),
                List.of(Certificates.selfSignedCa(caPair, "test CA", Instant.now(), Duration.ofDays(1))));
        KeyPair pair = Certificates.newKeyPair();
        TlsFiles files = new TlsFiles(dir.resolve("api.crt"), dir.resolve("api.key"));
        Files.writeString(files.certificate(), Pem.encode(Certificates.issueServer(ca, pair.getPublic(),
                List.of("127.0.0.1"), Instant.now(), Duration.ofDays(1))));
        Files.writeString(files.privateKey(), Pem.encodePrivateKey(pair.getPrivate()));

        ControlPlaneConfig config = ControlPlaneConfig.defaults(dir.resolve("data")).withListen("127.0.0.1", 0)
                .withAdminPassword(Fixture.ADMIN_PASSWORD).withTls(files);
        try (ControlPlane cp = ControlPlane.start(config, (store, tls, onExit) -> new FakeProvisioner(store),
                new FakeNode.Cluster())) {
            assertThat(cp.scheme()).isEqualTo("https");
            URI login = URI.create("https://127.0.0.1:" + cp.port() + "/v1/auth/token");
            HttpClient trusting = HttpClient.newBuilder()
                    .sslContext(TrustStores.clientContext(List.of(ca.leaf()))).build();
            HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(login).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(
                            Map.of("username", "admin", "password", Fixture.ADMIN_PASSWORD)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Http.JSON.readTree(r.body()).path("access_token").asText()).isNotEmpty();

            HttpClient untrusting = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(login).GET().build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void certificateAndKeyAreConfiguredTogether() {
        assertThat(ControlPlaneConfig.fromMap(Map.of("S3AAS_TLS_CERT", "/c.pem", "S3AAS_TLS_KEY", "/k.pem")).tls())
                .isEqualTo(new TlsFiles(Path.of("/c.pem"), Path.of("/k.pem")));
        assertThat(ControlPlaneConfig.fromMap(Map.of()).tls()).isNull();
        assertThatThrownBy(() -> ControlPlaneConfig.fromMap(Map.of("S3AAS_TLS_CERT", "/c.pem")))
                .hasMessageContaining("S3AAS_TLS_CERT and S3AAS_TLS_KEY must be given together");
        assertThat(ControlPlaneConfig.fromMap(Map.of()).nodeTls()).isFalse();
        assertThat(ControlPlaneConfig.fromMap(Map.of("S3AAS_NODE_TLS", "true")).nodeTls()).isTrue();
        assertThatThrownBy(() -> ControlPlaneConfig.fromMap(Map.of("S3AAS_NODE_TLS", "sure")))
                .hasMessageContaining("S3AAS_NODE_TLS must be true or false");
    }
}
