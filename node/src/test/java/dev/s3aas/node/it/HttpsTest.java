package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.tls.Certificates;
import dev.s3aas.common.tls.KeyMaterial;
import dev.s3aas.common.tls.Pem;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.common.tls.TrustStores;
import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import io.minio.admin.MinioAdminClient;
import javax.net.ssl.SSLSocket;
import okhttp3.OkHttpClient;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A node serving HTTPS (a certificate from a throwaway CA made here), driven by real clients trusting that CA:
 * the AWS SDK v2 (Apache client with a custom trust manager), boto3 with {@code verify=} and the aws CLI with
 * {@code --ca-bundle}. SSE-C is accepted over it without {@code --sse-c-over-http}, health and admin paths
 * answer, and renewed certificate files are served to new handshakes.
 */
class HttpsTest {
    @TempDir
    static Path dir;
    static KeyMaterial ca;
    static Path caFile;
    static TlsFiles files;
    static Node node;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        KeyPair caPair = Certificates.newKeyPair();
        ca = new KeyMaterial(caPair.getPrivate(),
                List.of(Certificates.selfSignedCa(caPair, "s3aas test CA", Instant.now(), Duration.ofDays(1))));
        caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, Pem.encode(ca.leaf()));
        files = new TlsFiles(dir.resolve("node.crt"), dir.resolve("node.key"));
        issue();
        node = Node.start(new NodeConfig(dir.resolve("data"), new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY), "us-east-1", List.of()).withTls(files));
        s3 = client(true);
        s3.createBucket(b -> b.bucket("tls"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        node.close();
    }

    /** A new leaf for 127.0.0.1, key then certificate each renamed into place, as a renewal would write them. */
    static KeyMaterial issue() throws Exception {
        KeyPair pair = Certificates.newKeyPair();
        KeyMaterial leaf = new KeyMaterial(pair.getPrivate(), List.of(Certificates.issueServer(ca, pair.getPublic(),
                List.of("127.0.0.1", "localhost"), Instant.now(), Duration.ofDays(1))));
        replace(files.privateKey(), Pem.encodePrivateKey(leaf.key()));
        replace(files.certificate(), Pem.encode(leaf.leaf()));
        return leaf;
    }

    private static void replace(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static URI endpoint() {
        return URI.create("https://127.0.0.1:" + node.port());
    }

    /** An SDK client trusting the test CA ({@code trustCa}) or only the JDK's default roots. */
    static S3Client client(boolean trustCa) throws Exception {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (trustCa) {
            TrustManager tm = TrustStores.trustManager(List.of(ca.leaf()));
            http.tlsTrustManagersProvider(() -> new TrustManager[] {tm});
        }
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestNode.ACCESS_KEY, TestNode.SECRET_KEY)))
                .httpClient(http.build()).build();
    }

    @Test
    void theSdkPutsGetsAndUploadsInPartsOverHttps() throws Exception {
        assertThat(node.scheme()).isEqualTo("https");
        s3.putObject(b -> b.bucket("tls").key("small"), RequestBody.fromString("over tls"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("tls").key("small")).asUtf8String()).isEqualTo("over tls");

        byte[] part = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(part);
        String id = s3.createMultipartUpload(b -> b.bucket("tls").key("multi")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            int pn = n;
            String etag = s3.uploadPart(b -> b.bucket("tls").key("multi").uploadId(id).partNumber(pn),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(pn).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket("tls").key("multi").uploadId(id).multipartUpload(u -> u.parts(parts)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("tls").key("multi")).asByteArray()).hasSize(2 * part.length);
    }

    @Test
    void sseCIsAcceptedOverHttpsWithoutTheHttpFlag() throws Exception {
        byte[] key = new byte[32];
        new Random(3).nextBytes(key);
        String k = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        s3.putObject(b -> b.bucket("tls").key("ssec").sseCustomerAlgorithm("AES256").sseCustomerKey(k)
                .sseCustomerKeyMD5(md5), RequestBody.fromString("customer keyed"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("tls").key("ssec").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5)).asUtf8String()).isEqualTo("customer keyed");
    }

    @Test
    void aClientWithoutTheCaFailsTheHandshake() throws Exception {
        try (S3Client untrusting = client(false)) {
            assertThatThrownBy(untrusting::listBuckets).isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        }
    }

    @Test
    void healthAndTheAdminApiAnswerOverHttps() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TrustStores.clientContext(List.of(ca.leaf()))).build();
        for (String path : List.of("/health", "/ready", "/minio/health/live")) {
            assertThat(http.send(HttpRequest.newBuilder(endpoint().resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
        OkHttpClient ok = new OkHttpClient.Builder().sslSocketFactory(
                TrustStores.clientContext(List.of(ca.leaf())).getSocketFactory(),
                TrustStores.trustManager(List.of(ca.leaf()))).build();
        MinioAdminClient admin = MinioAdminClient.builder().endpoint(endpoint().toString())
                .credentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY).httpClient(ok).build();
        assertThat(admin.listUsers()).isEmpty();
    }

    @Test
    void boto3VerifiesTheNodeWithTheCaBundle() throws Exception {
        List<String> pythons = new ArrayList<>();
        for (String p : new String[] {Pythons.DEBIAN, Pythons.modern()}) {
            if (p != null && hasBoto3(p)) {
                pythons.add(p);
            }
        }
        Assumptions.assumeFalse(pythons.isEmpty(), "no python3 with boto3");
        for (String python : pythons) {
            String bucket = "boto3-" + Integer.toHexString(python.hashCode());
            ProcessBuilder pb = new ProcessBuilder(python, "src/test/python/tls_verify.py").redirectErrorStream(true);
            pb.environment().put("S3AAS_ENDPOINT", endpoint().toString());
            pb.environment().put("S3AAS_ACCESS_KEY", TestNode.ACCESS_KEY);
            pb.environment().put("S3AAS_SECRET_KEY", TestNode.SECRET_KEY);
            pb.environment().put("S3AAS_BUCKET", bucket);
            pb.environment().put("S3AAS_CA_BUNDLE", caFile.toString());
            pb.environment().put("S3AAS_WORK_DIR", Files.createTempDirectory(dir, "py").toString());
            pb.environment().remove("AWS_CA_BUNDLE");
            pb.environment().remove("AWS_PROFILE");
            assertThat(run(pb)).as(python).contains("tls ok").contains("without the CA: SSLError");
        }
    }

    @Test
    void theAwsCliVerifiesTheNodeWithCaBundle() throws Exception {
        Assumptions.assumeTrue(onPath("aws"), "no aws CLI");
        Path body = dir.resolve("cli.txt");
        Files.writeString(body, "from the aws cli");
        ProcessBuilder pb = new ProcessBuilder("aws", "--endpoint-url", endpoint().toString(), "--ca-bundle",
                caFile.toString(), "--region", "us-east-1", "s3", "cp", body.toString(), "s3://tls/cli.txt")
                .redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestNode.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestNode.SECRET_KEY);
        pb.environment().remove("AWS_CA_BUNDLE");
        pb.environment().remove("AWS_PROFILE");
        run(pb);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("tls").key("cli.txt")).asUtf8String()).isEqualTo("from the aws cli");
    }

    @Test
    void renewedCertificateFilesAreServedToNewHandshakes() throws Exception {
        BigInteger before = servedSerial();
        KeyMaterial renewed = issue();
        assertThat(renewed.leaf().getSerialNumber()).isNotEqualTo(before);
        Poll.until("the node serves the renewed certificate",
                () -> servedSerial().equals(renewed.leaf().getSerialNumber()));
        assertThat(s3.headBucket(b -> b.bucket("tls")).sdkHttpResponse().isSuccessful()).isTrue();
    }

    @Test
    void onlyTls12And13AreNegotiated() throws Exception {
        assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
    }

    private static BigInteger servedSerial() throws Exception {
        try (SSLSocket s = socket()) {
            s.startHandshake();
            return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static String handshake(String protocol) throws Exception {
        try (SSLSocket s = socket()) {
            s.setEnabledProtocols(new String[] {protocol});
            s.startHandshake();
            return s.getSession().getProtocol();
        }
    }

    private static SSLSocket socket() throws Exception {
        return (SSLSocket) TrustStores.clientContext(List.of(ca.leaf())).getSocketFactory()
                .createSocket("127.0.0.1", node.port());
    }

    private static String run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean hasBoto3(String python) throws Exception {
        if (!Files.isExecutable(Path.of(python))) {
            return false;
        }
        Process p = new ProcessBuilder(python, "-c", "import boto3").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
