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
 * @param guard the endpoint's permission check alone, or null; every authenticated POST has one,
 *     because a retry with an {@code Idempotency-Key} is answered from the stored response without
 *     calling the endpoint, and must be authorised as if it did
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
        Endpoint endpoint,
        Guard guard) {

    /** How the response body relates to {@link #response()}. */
    public enum Shape { OBJECT, LIST, CREATE, PATCH, NONE, FREE }

    @FunctionalInterface
    public interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }

    /** Throws the endpoint's 403/404 for a caller who may not call it; has no other effect. */
    @FunctionalInterface
    public interface Guard {
        void check(ApiRequest request);
    }

    /** A route without a guard (any route but an authenticated POST). */
    public Route(String method, String template, String summary, String permission, Shape shape,
            ResourceSchema request, ResourceSchema response, boolean authenticated, Endpoint endpoint) {
        this(method, template, summary, permission, shape, request, response, authenticated, endpoint, null);
    }

    /** This route with its permission check, for authorising idempotent replays. */
    public Route guardedBy(Guard check) {
        return new Route(method, template, summary, permission, shape, request, response, authenticated, endpoint,
                Objects.requireNonNull(check));
    }

    /** True when a POST may be replayed from the idempotency store, which needs the guard. */
    boolean replayable() {
        return "POST".equals(method) && authenticated;
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
