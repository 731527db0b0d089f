package dev.s3aas.node.s3;

import dev.s3aas.common.metrics.PrometheusToken;
import dev.s3aas.common.sigv4.RequestView;
import dev.s3aas.node.auth.RootCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics} (and MinIO's {@code /minio/v2/metrics/node} and {@code /minio/v2/metrics/cluster}, so a
 * Prometheus job written for MinIO works unchanged): the node's meters in the Prometheus text format.
 * <p>
 * Access, as MinIO's default ({@code MINIO_PROMETHEUS_AUTH_TYPE=jwt}): a bearer token in MinIO's format
 * ({@link PrometheusToken}) for the root access key, signed with its secret — what {@code mc admin prometheus
 * generate} prints, and what the control plane hands out for the nodes it runs. Metrics name buckets and reveal
 * load, so they are not public unless the node is started with {@code --metrics-public} (a node whose port only
 * the monitoring network reaches). Claimed only for GET/HEAD without a SigV4 signature, so a signed request to a
 * bucket named "metrics" or "minio" still reaches the bucket.
 */
public final class MetricsEndpoint {
    private final MeterRegistry registry;
    private final Supplier<String> exposition;
    private final RootCredentials root;
    private final Clock clock;

    /**
     * @param exposition the current meters in the Prometheus text format (called per scrape)
     * @param root whose token grants access; null: public
     */
    public MetricsEndpoint(MeterRegistry registry, Supplier<String> exposition, RootCredentials root, Clock clock) {
        this.registry = registry;
        this.exposition = exposition;
        this.root = root;
        this.clock = clock;
    }

    MeterRegistry registry() {
        return registry;
    }

    static boolean isScrape(RequestView r) {
        String m = r.method();
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return false;
        }
        String p = r.rawPath();
        if (!p.equals("/metrics") && !p.equals("/minio/v2/metrics/node") && !p.equals("/minio/v2/metrics/cluster")) {
            return false;
        }
        String auth = r.header("Authorization");
        return (auth == null || auth.regionMatches(true, 0, "Bearer ", 0, 7))
                && (r.rawQuery() == null || !r.rawQuery().contains("X-Amz-"));
    }

    void answer(Request request, Response response, Callback callback, String requestId) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (root != null) {
            if (auth == null) {
                ErrorDocument.send(request, response, callback, requestId, S3ErrorCode.AccessDenied,
                        "metrics need a bearer token (mc admin prometheus generate, or the control plane's "
                                + "instance metrics endpoint)", Map.of(), null, null);
                return;
            }
            if (!PrometheusToken.verify(auth.substring(7).strip(), root.accessKeyId(), root.secretKey(),
                    clock.instant())) {
                ErrorDocument.send(request, response, callback, requestId, S3ErrorCode.AccessDenied,
                        "the metrics bearer token is not valid for this node", Map.of(), null, null);
                return;
            }
        }
        byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, request.getMethod().equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body),
                callback);
    }
}
