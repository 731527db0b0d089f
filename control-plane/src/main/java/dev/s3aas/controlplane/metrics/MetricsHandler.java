package dev.s3aas.controlplane.metrics;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.Authenticator;
import dev.s3aas.controlplane.iam.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the control plane's meters in the Prometheus text format, for an admin's bearer token or
 * the scrape token (a static secret from {@code S3AAS_METRICS_TOKEN_FILE}, which Prometheus reads from its
 * {@code bearer_token_file}: access tokens expire within the hour, a scrape job cannot log in). Errors are the
 * API's JSON errors. Any other path goes on to the API.
 */
public final class MetricsHandler extends Handler.Abstract {
    private final Authenticator authenticator;
    private final byte[] scrapeToken;
    private final Supplier<String> exposition;

    /** @param scrapeToken the static scrape token, or null for admins' tokens only */
    public MetricsHandler(Authenticator authenticator, String scrapeToken, Supplier<String> exposition) {
        this.authenticator = authenticator;
        this.scrapeToken = scrapeToken == null ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
        this.exposition = exposition;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getHttpURI().getPath().equals("/metrics")) {
            return false;
        }
        if (!request.getMethod().equals("GET")) {
            error(response, callback, 405, "method_not_allowed", "only GET is allowed on /metrics");
            return true;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            error(response, callback, 401, "unauthenticated", "a bearer token is required (an admin's, or the scrape "
                    + "token of S3AAS_METRICS_TOKEN_FILE)");
            return true;
        }
        String token = header.substring(7).strip();
        if (!isScrapeToken(token)) {
            Principal p;
            try {
                p = authenticator.authenticate(token);
            } catch (ApiError e) {
                error(response, callback, e.status(), e.code(), e.getMessage());
                return true;
            }
            if (!p.admin()) {
                error(response, callback, 403, "forbidden", "metrics are for admins");
                return true;
            }
        }
        byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private boolean isScrapeToken(String token) {
        return scrapeToken != null && MessageDigest.isEqual(scrapeToken, token.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(Response response, Callback callback, int status, String code, String message) {
        String json = "{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
