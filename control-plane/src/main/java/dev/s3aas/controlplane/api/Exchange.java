package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.audit.RequestId;
import dev.s3aas.controlplane.iam.Principal;
import java.util.Map;

/**
 * One finished API request as {@link RequestObserver}s see it, after the endpoint ran and before the answer is
 * written (so an audit record exists by the time the client has its answer).
 *
 * @param route the matched route, or null (unknown path or method)
 * @param principal the authenticated caller, or null (public route, or authentication failed)
 * @param requestBody the parsed JSON body, or null; observers must not record it (it may hold passwords)
 * @param errorCode the JSON error's {@code code} when the request failed, else null
 * @param responseBody the JSON answer, or null; observers must not record it (it may hold a secret shown once)
 */
public record Exchange(
        RequestId requestId,
        String method,
        String path,
        String client,
        Route route,
        Map<String, String> params,
        Principal principal,
        JsonNode requestBody,
        int status,
        String errorCode,
        byte[] responseBody,
        long durationNanos) {

    public Exchange {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** POST, PUT, PATCH and DELETE change something: these are audited. */
    public boolean mutation() {
        return isMutation(method);
    }

    static boolean isMutation(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    public long durationMillis() {
        return durationNanos / 1_000_000;
    }

    /** What {@link ApiHandler} learns about a request while serving it. */
    static final class Builder {
        private final RequestId requestId;
        private final String method;
        private final String path;
        private final String client;
        private Route route;
        private Map<String, String> params;
        private Principal principal;
        private JsonNode requestBody;

        Builder(RequestId requestId, String method, String path, String client) {
            this.requestId = requestId;
            this.method = method;
            this.path = path;
            this.client = client;
        }

        void route(Route r, Map<String, String> p) {
            this.route = r;
            this.params = p;
        }

        void principal(Principal p) {
            this.principal = p;
        }

        void requestBody(JsonNode b) {
            this.requestBody = b;
        }

        Exchange finish(int status, String errorCode, byte[] responseBody, long durationNanos) {
            return new Exchange(requestId, method, path, client, route, params, principal, requestBody, status,
                    errorCode, responseBody, durationNanos);
        }
    }
}
