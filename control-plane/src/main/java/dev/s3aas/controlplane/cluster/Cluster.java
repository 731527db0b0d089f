package dev.s3aas.controlplane.cluster;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import dev.s3aas.controlplane.db.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A registered distributed engine instances can run on: its S3 gateways, the keys of an RGW user with
 * admin caps ({@code adminSecretSealed} is sealed with the master key and never leaves the server), an
 * optional Prometheus endpoint of the Ceph mgr for the cluster's own health, and what the last probe saw.
 */
public record Cluster(
        String uuid,
        String name,
        Engine engine,
        List<URI> gateways,
        String adminAccessKey,
        String adminSecretSealed,
        URI prometheusUrl,
        String description,
        ClusterStatus status,
        String statusReason,
        List<GatewayHealth> gatewayHealth,
        String cephHealth,
        Capabilities capabilities,
        Long probedAt,
        long createdAt,
        long updatedAt) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final int MAX_GATEWAYS = 16;

    public Cluster {
        if (name == null || !NAME.matcher(name).matches() || Ids.looksLikeUuid(name)) {
            throw ApiError.invalid("name", "cluster name must be 1-63 lower-case letters, digits, '.', '_' or '-', "
                    + "start with a letter or digit, and not be a UUID");
        }
        gateways = List.copyOf(gateways);
        gatewayHealth = List.copyOf(gatewayHealth);
        cephHealth = cephHealth == null ? "" : cephHealth;
        if (description.length() > 1024) {
            throw ApiError.invalid("description", "description is limited to 1024 characters");
        }
    }

    /** Parses and checks the gateway list: 1-16 distinct http(s)://host:port URLs without path, query or user. */
    public static List<URI> parseGateways(List<String> urls) {
        if (urls.isEmpty() || urls.size() > MAX_GATEWAYS) {
            throw ApiError.invalid("gateways", "gateways must list 1 to " + MAX_GATEWAYS + " gateway URLs");
        }
        List<URI> out = new ArrayList<>();
        for (String s : urls) {
            out.add(parseUrl("gateways", s));
        }
        if (new HashSet<>(out).size() != out.size()) {
            throw ApiError.invalid("gateways", "gateways must not repeat a URL");
        }
        return out;
    }

    /** An http(s)://host:port[/path] URL; {@code pathAllowed} for the Prometheus endpoint. */
    public static URI parseUrl(String field, String s) {
        return parseUrl(field, s, false);
    }

    public static URI parseUrl(String field, String s, boolean pathAllowed) {
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException | NullPointerException e) {
            throw ApiError.invalid(field, field + ": '" + s + "' is not a URL");
        }
        boolean scheme = "http".equals(u.getScheme()) || "https".equals(u.getScheme());
        boolean path = u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/") || pathAllowed;
        if (!scheme || u.getHost() == null || u.getPort() < 1 || u.getRawUserInfo() != null || u.getRawQuery() != null
                || u.getRawFragment() != null || !path) {
            throw ApiError.invalid(field, field + ": '" + s + "' must be http(s)://host:port"
                    + (pathAllowed ? "[/path]" : "") + " without user, query or fragment");
        }
        if (pathAllowed) {
            return u;
        }
        return URI.create(u.getScheme() + "://" + u.getRawAuthority());
    }

    /** Checks the admin access key: what RGW accepts as a key id, at most 128 printable characters. */
    public static String checkAccessKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiError.invalid("admin_access_key", "admin_access_key must be 1-128 printable ASCII characters");
        }
        return key;
    }

    public static String checkSecret(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 128 || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiError.invalid("admin_secret_key", "admin_secret_key must be 1-128 printable ASCII characters");
        }
        return secret;
    }

    public Cluster withProbe(ClusterStatus newStatus, String reason, List<GatewayHealth> health, String ceph,
            Capabilities caps, long at) {
        return new Cluster(uuid, name, engine, gateways, adminAccessKey, adminSecretSealed, prometheusUrl, description,
                newStatus, reason, health, ceph, caps, at, createdAt, updatedAt);
    }

    /** Everything but the secret: what system administrators see. */
    public Map<String, Object> adminView() {
        return View.of(uuid).put("name", name).put("engine", engine.external())
                .put("gateways", gateways.stream().map(URI::toString).toList())
                .put("admin_access_key", adminAccessKey)
                .put("prometheus_url", prometheusUrl == null ? null : prometheusUrl.toString())
                .put("description", description)
                .put("status", status.name()).put("status_reason", statusReason)
                .put("gateway_health", gatewayHealth.stream().map(GatewayHealth::view).toList())
                .put("ceph_health", cephHealth)
                .put("capabilities", capabilities.view())
                .put("probed_at", View.time(probedAt))
                .end(null, createdAt, updatedAt);
    }

    /** What project owners see: the name, the engine, whether it works and what it can do; no endpoints or keys. */
    public Map<String, Object> ownerView() {
        return View.of(uuid).put("name", name).put("engine", engine.external())
                .put("description", description)
                .put("status", status.name()).put("status_reason", statusReason)
                .put("ceph_health", cephHealth)
                .put("capabilities", capabilities.view())
                .put("probed_at", View.time(probedAt))
                .end(null, createdAt, updatedAt);
    }

    /** The gateways as the last probe saw them, in the registered order; none probed yet: empty. */
    public java.util.Optional<GatewayHealth> health(URI gateway) {
        return gatewayHealth.stream().filter(g -> g.url().equals(gateway)).findFirst();
    }
}
