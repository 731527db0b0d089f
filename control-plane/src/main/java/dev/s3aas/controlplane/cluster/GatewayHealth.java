package dev.s3aas.controlplane.cluster;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One gateway as last probed: reachable or not, and what failed. */
public record GatewayHealth(URI url, boolean healthy, String detail, long checkedAt) {
    public GatewayHealth {
        detail = detail == null ? "" : detail;
    }

    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url.toString());
        m.put("status", healthy ? "HEALTHY" : "UNREACHABLE");
        m.put("detail", detail);
        m.put("checked_at", java.time.Instant.ofEpochMilli(checkedAt).toString());
        return m;
    }
}
