package dev.s3aas.node.it;

import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A real node on a free loopback port, plus AWS SDK v2 clients for it. */
public final class TestNode implements AutoCloseable {
    public static final String ACCESS_KEY = "test-root";
    public static final String SECRET_KEY = "test-root-secret-key";

    private final Path dataDir;
    private final MfaDevice rootMfa;
    private final Clock dataClock;
    private final Duration lifecycleInterval;
    private Node node;

    public TestNode(Path dataDir) throws Exception {
        this(dataDir, null);
    }

    /** @param rootMfa the root account's virtual MFA device, or null */
    public TestNode(Path dataDir, MfaDevice rootMfa) throws Exception {
        this(dataDir, rootMfa, Clock.systemUTC(), null);
    }

    /**
     * @param dataClock the node's clock for stored data and lifecycle (an {@link OffsetClock} to move time forward)
     * @param lifecycleInterval how often the lifecycle worker runs, or null for the default
     */
    public TestNode(Path dataDir, MfaDevice rootMfa, Clock dataClock, Duration lifecycleInterval) throws Exception {
        this.dataDir = dataDir;
        this.rootMfa = rootMfa;
        this.dataClock = dataClock;
        this.lifecycleInterval = lifecycleInterval;
        start();
    }

    public void start() throws Exception {
        node = Node.start(new NodeConfig(dataDir, new InetSocketAddress("127.0.0.1", 0),
                new RootCredentials(ACCESS_KEY, SECRET_KEY), "us-east-1", List.of("localhost")).withRootMfa(rootMfa)
                .withLifecycleInterval(lifecycleInterval).withSseCOverHttp(true), dataClock);
    }

    public void stop() throws Exception {
        node.close();
    }

    public int port() {
        return node.port();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Path dataDir() {
        return dataDir;
    }

    public S3Client client() {
        return client(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public S3Client client(String accessKey, String secretKey) {
        return client(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    public S3Client anonymousClient() {
        return client(AnonymousCredentialsProvider.create());
    }

    public S3Client client(AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    public S3Presigner presigner() {
        return S3Presigner.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
