package dev.s3aas.controlplane.api;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the route table: method and path template ({@code {name}} segments), the
 * permission it checks (for the OpenAPI document and readers), request/response schemas and the
 * endpoint itself.
 *
 * @param permission external permission name, or "authenticated" / "public" / "admin"
 * @param request request body schema, or null when the route takes no body
 * @param response response schema, or null when the response has no fixed resource shape
 */
public record Route(
        String method,
        String template,
        String summary,
        String permission,
        Shape shape,
        ResourceSchema request,
        ResourceSchema response,
        boolean authenticated,
        Endpoint endpoint) {

    /** How the response body relates to {@link #response()}. */
    public enum Shape { OBJECT, LIST, CREATE, PATCH, NONE, FREE }

    @FunctionalInterface
    public interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }

    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(template);
        Objects.requireNonNull(endpoint);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
    }

    List<String> segments() {
        return Router.split(template);
    }
}
