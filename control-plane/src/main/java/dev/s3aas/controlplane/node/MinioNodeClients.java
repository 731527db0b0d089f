package dev.s3aas.controlplane.node;

import io.minio.http.HttpUtils;
import java.net.http.HttpClient;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Opens {@link MinioNodeClient}s over one shared set of HTTP clients: one OkHttp client (its
 * connection pool and dispatcher threads serve both MinIO SDK clients of every node client) and
 * one JDK client (health checks and {@link SignedAdminCall}). A node client is then only a few
 * small objects, so the reconciler can open one per node per pass; the pools live as long as the
 * control plane and are shut down by {@link #close()}.
 */
public final class MinioNodeClients implements NodeClient.Factory {
    private final OkHttpClient ok = HttpUtils.newDefaultHttpClient(5_000, 10_000, 10_000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public NodeClient connect(String host, int port, String rootUser, String rootSecret) {
        return new MinioNodeClient(host, port, rootUser, rootSecret, ok, http);
    }

    @Override
    public void close() {
        ok.dispatcher().executorService().shutdown();
        ok.connectionPool().evictAll();
        http.close();
    }
}
