package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.RequestView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Liveness/readiness endpoints: {@code GET /health} (operators and the control plane), {@code GET /ready}
 * (Kubernetes readiness probes: {@link Readiness}) and MinIO's {@code /minio/health/live|ready|cluster} (load
 * balancers and tools; {@code ready} and {@code cluster} are readiness too). Answered only for unsigned GET/HEAD
 * requests, so a signed request for a bucket named "health" or "ready" still reaches the bucket.
 */
final class Health {
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private Health() {}

    static boolean isHealthCheck(RequestView r) {
        String m = r.method();
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return false;
        }
        String p = r.rawPath();
        boolean path = p.equals("/health") || p.equals("/ready") || p.equals("/minio/health/live")
                || p.equals("/minio/health/ready") || p.equals("/minio/health/cluster");
        return path && r.header("Authorization") == null
                && (r.rawQuery() == null || !r.rawQuery().contains("X-Amz-Signature"));
    }

    static void answer(RequestView r, Response response, Callback callback, Readiness readiness) {
        String p = r.rawPath();
        boolean readinessProbe = p.equals("/ready") || p.equals("/minio/health/ready") || p.equals("/minio/health/cluster");
        String notReady = readinessProbe ? readiness.problem() : null;
        byte[] body = notReady == null ? OK : ("{\"status\":\"not_ready\",\"reason\":\"" + notReady.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(notReady == null ? 200 : 503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, r.method().equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
