package dev.s3aas.controlplane.node;

import dev.s3aas.common.tls.Pem;
import dev.s3aas.common.tls.TrustStores;
import io.minio.http.HttpUtils;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import okhttp3.OkHttpClient;

/**
 * Opens {@link MinioNodeClient}s over one shared set of HTTP clients: one OkHttp client (its
 * connection pool and dispatcher threads serve both MinIO SDK clients of every node client) and
 * one JDK client (health checks and {@link SignedAdminCall}). A node client is then only a few
 * small objects, so the reconciler can open one per node per pass; the pools live as long as the
 * control plane and are shut down by {@link #close()}.
 *
 * <p>Nodes serving HTTPS are reached through a pair of clients per CA that trust that CA alone (in practice
 * one pair: the control plane's node CA); the OkHttp one shares the plain client's pool and dispatcher, and
 * host names are verified as usual (node certificates name 127.0.0.1).
 */
public final class MinioNodeClients implements NodeClient.Factory {
    private record Transport(OkHttpClient ok, HttpClient http) {}

    private final OkHttpClient ok = HttpUtils.newDefaultHttpClient(5_000, 10_000, 10_000);
    private final Transport plain = new Transport(ok, jdkClient(null));
    private final Map<String, Transport> trusting = new ConcurrentHashMap<>();

    private static HttpClient jdkClient(SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        return (tls == null ? b : b.sslContext(tls)).build();
    }

    @Override
    public NodeClient connect(NodeEndpoint endpoint, String rootUser, String rootSecret) {
        Transport t = endpoint.tls() ? trusting.computeIfAbsent(endpoint.caCertificate(), this::trusting) : plain;
        return new MinioNodeClient(endpoint, rootUser, rootSecret, t.ok(), t.http());
    }

    private Transport trusting(String caPem) {
        try {
            List<X509Certificate> ca = Pem.certificates(caPem);
            SSLContext tls = TrustStores.clientContext(ca);
            return new Transport(ok.newBuilder().sslSocketFactory(tls.getSocketFactory(), TrustStores.trustManager(ca))
                    .build(), jdkClient(tls));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the node CA certificate does not load: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        ok.dispatcher().executorService().shutdown();
        ok.connectionPool().evictAll();
        plain.http().close();
        trusting.values().forEach(t -> t.http().close());
    }
}
