package dev.s3aas.controlplane.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps method + path to a route. Routing only chooses the endpoint; each endpoint checks its own
 * permission. A trailing slash is ignored ({@code /v1/types/s3/} is {@code /v1/types/s3}).
 */
public final class Router {
    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Map<String, Route> seen = new HashMap<>();
        for (Route r : routes) {
            if (r.replayable() && r.guard() == null) {
                throw new IllegalArgumentException("route " + r.method() + " " + r.template()
                        + " needs a guard: Idempotency-Key replays are authorised by it");
            }
            String key = r.method() + " " + r.template().replaceAll("\\{[^}]+}", "{}");
            if (seen.put(key, r) != null) {
                throw new IllegalArgumentException("duplicate route " + key);
            }
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** A matched route and the values of its path parameters. */
    public record Match(Route route, Map<String, String> params) {}

    /** Finds the route, or throws 404 (unknown path) / 405 (known path, other method). */
    public Match match(String method, String path) {
        List<String> segs = split(path);
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments(), segs);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (r.method().equals(method)) {
                return new Match(r, params);
            }
        }
        if (pathKnown) {
            throw new ApiError.MethodNotAllowed("method " + method + " is not allowed on " + path);
        }
        throw new ApiError.NotFound("no such API path: " + path);
    }

    private static Map<String, String> bind(List<String> template, List<String> segs) {
        if (template.size() != segs.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segs.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), URLDecoder.decode(segs.get(i).replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t.equals(segs.get(i))) {
                return null;
            }
        }
        return params;
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
