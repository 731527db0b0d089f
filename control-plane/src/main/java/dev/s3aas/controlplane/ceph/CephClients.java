package dev.s3aas.controlplane.ceph;

import dev.s3aas.controlplane.cluster.Cluster;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.node.ObjectClient;
import dev.s3aas.controlplane.node.RequestIdHeader;
import dev.s3aas.controlplane.node.S3ObjectClient;
import dev.s3aas.controlplane.node.S3BucketClient;
import io.minio.http.HttpUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients every Ceph call shares (one JDK client for the admin and IAM APIs and the health checks,
 * one OkHttp client for the MinIO SDK's S3 calls), and the per-call clients opened over them.
 */
public final class CephClients implements AutoCloseable {
    /** The caps the registered RGW admin user needs (radosgw-admin caps add --caps=…). */
    public static final String ADMIN_CAPS = "users=*;buckets=*;metadata=*;usage=*;user-policy=*";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final OkHttpClient ok = HttpUtils.newDefaultHttpClient(5_000, 15_000, 15_000);
    private final Clock clock;

    public CephClients(Clock clock) {
        this.clock = clock;
    }

    HttpClient http() {
        return http;
    }

    RgwAdmin admin(Cluster cluster, URI gateway, SecretBox secrets) {
        return new RgwAdmin(new RgwHttp(http, gateway, cluster.adminAccessKey(),
                secrets.decrypt(cluster.adminSecretSealed()), clock));
    }

    S3BucketClient s3(URI gateway, String accessKey, String secretKey) {
        return new S3BucketClient(gateway.toString(), accessKey, secretKey,
                RequestIdHeader.onto(ok, RequestIdHeader.current()));
    }

    /** Object operations through a gateway, signed as the tenant's owner (the JDK client: bodies stream). */
    ObjectClient objects(URI gateway, String accessKey, String secretKey) {
        return new S3ObjectClient(http, gateway.toString(), accessKey, secretKey, clock);
    }

    @Override
    public void close() {
        ok.dispatcher().executorService().shutdown();
        ok.connectionPool().evictAll();
        http.close();
    }
}
