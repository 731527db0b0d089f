package dev.s3aas.controlplane.metrics;

import dev.s3aas.common.metrics.PrometheusToken;
import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/types/s3/instances/{instance}/prometheus}: how to scrape the instance's nodes — their metrics URLs
 * and a bearer token in MinIO's format (what {@code mc admin prometheus generate} prints), signed with the
 * instance's root secret and valid for a year, plus a ready {@code scrape_configs} entry. Each call mints a new
 * token; all stay valid until they expire or the root secret changes. An instance on a Ceph cluster is refused:
 * RGW's metrics come from the Ceph mgr's prometheus module, which the cluster's operator runs.
 */
public final class ScrapeConfigResource {
    static final Duration VALIDITY = Duration.ofDays(365);
    public static final ResourceSchema SCHEMA = new ResourceSchema("prometheus_scrape", List.of(
            FieldSpec.readOnly("targets", Type.STRING_LIST, "The nodes' metrics URLs"),
            FieldSpec.readOnly("bearer_token", Type.STRING, "Bearer token for the nodes' /metrics (MinIO format)"),
            FieldSpec.readOnly("expires_at", Type.DATETIME, "When the token stops working"),
            FieldSpec.readOnly("scrape_config", Type.STRING, "A Prometheus scrape_configs entry (YAML)")));

    private final InstanceService instances;
    private final SecretBox secrets;
    private final Clock clock;

    public ScrapeConfigResource(InstanceService instances, SecretBox secrets, Clock clock) {
        this.instances = instances;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/v1/types/s3/instances/{instance}/prometheus",
                "How to scrape the instance's node metrics with Prometheus (mints a bearer token)",
                Permission.INSTANCE_METRICS_REVEAL.externalName(), Shape.OBJECT, null, SCHEMA, true,
                r -> scrape(instances.require(r.principal(), r.param("instance"), Permission.INSTANCE_METRICS_REVEAL))));
    }

    private ApiResponse scrape(Instance i) {
        if (i.onCluster()) {
            throw new ApiError.Conflict("not_supported", "instance '" + i.name() + "' runs on a Ceph cluster: scrape "
                    + "its gateways' metrics through the Ceph mgr's prometheus module", null);
        }
        Instant expires = clock.instant().plus(VALIDITY);
        String token = PrometheusToken.mint(i.rootUser(), secrets.decrypt(i.rootSecretSealed()), expires);
        List<String> targets = instances.nodes(i).stream().map(n -> n.url() + "/metrics").toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targets", targets);
        body.put("bearer_token", token);
        body.put("expires_at", expires.toString());
        body.put("scrape_config", scrapeConfig(i.name(), targets, token));
        // A credential in the response: not to be kept by caches.
        return new ApiResponse(200, body, Map.of("Cache-Control", "no-store"));
    }

    private static String scrapeConfig(String name, List<String> targets, String token) {
        StringBuilder y = new StringBuilder("- job_name: s3aas-").append(name).append('\n')
                .append("  metrics_path: /metrics\n")
                .append("  authorization:\n    credentials: ").append(token).append('\n')
                .append("  static_configs:\n    - targets:\n");
        for (String t : targets) {
            String hostPort = t.replaceFirst("^https?://", "").replaceFirst("/metrics$", "");
            y.append("        - ").append(hostPort).append('\n');
        }
        if (targets.stream().anyMatch(t -> t.startsWith("https://"))) {
            // Nodes with certificates of the control plane's CA: Prometheus must trust it (the instance's
            // ca_certificate, saved to this file).
            y.append("  scheme: https\n  tls_config:\n    ca_file: s3aas-").append(name).append("-ca.pem\n");
        }
        return y.toString();
    }
}
