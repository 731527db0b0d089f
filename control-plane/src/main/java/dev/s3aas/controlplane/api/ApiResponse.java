package dev.s3aas.controlplane.api;

import java.util.Map;

/** What an endpoint returns: a status, a JSON-serialisable body (or null) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** A page of a list: the items, and the marker of the next page in {@code X-Next-Marker} when there is one. */
    public static ApiResponse page(Page<?> page) {
        return new ApiResponse(200, page.items(),
                page.nextMarker() == null ? Map.of() : Map.of("X-Next-Marker", page.nextMarker()));
    }
}
