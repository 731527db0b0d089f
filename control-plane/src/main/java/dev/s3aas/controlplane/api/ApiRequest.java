package dev.s3aas.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.s3aas.controlplane.iam.Principal;
import java.util.Map;

/** One decoded API request as the endpoints see it. */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        JsonNode body,
        Principal principal) {

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? MissingNode.getInstance() : body;
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
