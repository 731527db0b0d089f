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
 * @param query the query parameters the route reads, beyond the list paging ones (for the OpenAPI document)
 * @param rawBody the request body is not JSON but bytes the endpoint streams ({@link ApiRequest#raw()}); the
 *     handler does not read it
 * @param produces the media type of a {@link Shape#BYTES} response when it is always the same (a PNG), for the
 *     OpenAPI document; null: any ({@code application/octet-stream}, an object's own type)
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
        Guard guard,
        List<QueryParam> query,
        boolean rawBody,
        String produces) {

    /**
     * How the response body relates to {@link #response()}. BYTES: the body is a stream of bytes (an object's
     * content), with headers describing it, not JSON.
     */
    public enum Shape { OBJECT, LIST, CREATE, PATCH, NONE, FREE, BYTES }

    /** A query parameter a route reads; documented in the OpenAPI document. */
    public record QueryParam(String name, String type, boolean required, String description) {
        public QueryParam {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
        }

        public static QueryParam string(String name, boolean required, String description) {
            return new QueryParam(name, "string", required, description);
        }

        public static QueryParam integer(String name, String description) {
            return new QueryParam(name, "integer", false, description);
        }
    }

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
        this(method, template, summary, permission, shape, request, response, authenticated, endpoint, null,
                List.of(), false, null);
    }

    /** This route with its permission check, for authorising idempotent replays. */
    public Route guardedBy(Guard check) {
        return new Route(method, template, summary, permission, shape, request, response, authenticated, endpoint,
                Objects.requireNonNull(check), query, rawBody, produces);
    }

    /** This route, documenting the query parameters it reads. */
    public Route withQuery(QueryParam... params) {
        return new Route(method, template, summary, permission, shape, request, response, authenticated, endpoint,
                guard, List.of(params), rawBody, produces);
    }

    /** This route, taking its request body as a byte stream rather than JSON (see {@link ApiRequest#raw()}). */
    public Route withRawBody() {
        return new Route(method, template, summary, permission, shape, request, response, authenticated, endpoint,
                guard, query, true, produces);
    }

    /** This {@link Shape#BYTES} route, documenting the one media type it answers with. */
    public Route producing(String mediaType) {
        if (shape != Shape.BYTES) {
            throw new IllegalStateException("only a BYTES route has a media type of its own: " + template);
        }
        return new Route(method, template, summary, permission, shape, request, response, authenticated, endpoint,
                guard, query, rawBody, Objects.requireNonNull(mediaType));
    }

    /** True when a POST may be replayed from the idempotency store, which needs the guard. */
    boolean replayable() {
        return "POST".equals(method) && authenticated;
    }

    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(template);
        Objects.requireNonNull(endpoint);
        query = query == null ? List.of() : List.copyOf(query);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
    }

    List<String> segments() {
        return Router.split(template);
    }
}
