package dev.s3aas.controlplane.api;

/**
 * Pagination and the common filters of list endpoints: {@code limit} (1..1000, default 100),
 * {@code marker} (uuid of the last item already seen; items are ordered by creation time, then
 * uuid), {@code name} (exact) and {@code status} (exact).
 */
public record PageRequest(int limit, String marker, String name, String status) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest from(ApiRequest req) {
        String l = req.query("limit");
        int limit = DEFAULT_LIMIT;
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw ApiError.invalid("limit", "limit must be an integer");
            }
        }
        return new PageRequest(limit, req.query("marker"), req.query("name"), req.query("status"));
    }
}
