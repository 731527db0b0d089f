package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.RequestView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Liveness/readiness endpoints: {@code GET /health} (operators and the control plane) and MinIO's
 * {@code /minio/health/live|ready|cluster} (load balancers and tools). Answered only for unsigned GET/HEAD
 * requests, so a signed request for a bucket named "health" still reaches the bucket.
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
        boolean path = p.equals("/health") || p.equals("/minio/health/live") || p.equals("/minio/health/ready")
                || p.equals("/minio/health/cluster");
        return path && r.header("Authorization") == null
                && (r.rawQuery() == null || !r.rawQuery().contains("X-Amz-Signature"));
    }

    static void answer(RequestView r, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, OK.length);
        response.write(true, r.method().equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(OK), callback);
    }
}
