package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.s3aas.controlplane.iam.Principal;
import java.io.InputStream;
import java.util.Map;

/**
 * One decoded API request as the endpoints see it.
 *
 * @param body the JSON body (MissingNode when there is none, and on a raw-body route)
 * @param raw the unread request body of a route that streams it ({@link Route#rawBody()}), else null
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        JsonNode body,
        Principal principal,
        RawBody raw) {

    /**
     * A request body as bytes, read once by the endpoint as it arrives.
     *
     * @param length the declared Content-Length, or -1 when the client sent none (chunked)
     * @param contentType the Content-Type header, or null
     */
    public record RawBody(InputStream in, long length, String contentType) {}

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? MissingNode.getInstance() : body;
    }

    /** A request with a JSON body (or none). */
    public ApiRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
            JsonNode body, Principal principal) {
        this(method, path, pathParams, query, body, principal, null);
    }

    public String param(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    public String query(String name) {
        return query.get(name);
    }
}
