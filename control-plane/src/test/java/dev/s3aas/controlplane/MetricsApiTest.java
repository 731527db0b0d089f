package dev.s3aas.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.common.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics of the control plane, read as a scraper would, and the instance's scrape configuration. */
class MetricsApiTest {
    private static final String BASE = "/v1/types/s3/instances";
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

    @TempDir
    static Path dir;
    static Fixture f;
    static String project;
    static String owner;
    static String viewer;
    static String instance;

    @BeforeAll
    static void start() throws Exception {
        Path tokenFile = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("scrape-token"),
                SCRAPE_TOKEN + "\n");
        f = new Fixture(ControlPlaneConfig.defaults(dir.resolve("cp")).withListen("127.0.0.1", 0)
                .withAdminPassword(Fixture.ADMIN_PASSWORD).withTimings(Duration.ofHours(1), Duration.ofSeconds(2))
                .withMetricsTokenFile(tokenFile));
        project = f.newProject("metrics-project");
        owner = f.userWithRole("metrics-owner", project, "owner");
        viewer = f.userWithRole("metrics-viewer", project, "viewer");
        instance = f.activeInstance(owner, "metered");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.cp.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdminScrapesRequestsReconcilesAndState() throws Exception {
        f.http.get(BASE + "/" + instance, owner);
        f.http.get(BASE + "/no-such-instance", owner);
        HttpResponse<String> r = get("/metrics", f.admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        PrometheusText m = PrometheusText.parse(r.body());
        assertThat(m.type("s3aas_api_requests_seconds")).contains("histogram");
        assertThat(m.sum("s3aas_api_requests_seconds_count", Map.of("method", "POST", "route", BASE, "status", "201")))
                .isGreaterThanOrEqualTo(1);
        assertThat(m.sum("s3aas_api_requests_seconds_count", Map.of("method", "GET", "route", BASE + "/{instance}",
                "status", "404"))).isGreaterThanOrEqualTo(1);
        assertThat(m.find("s3aas_api_requests_seconds_count", Map.of("route", BASE + "/no-such-instance")))
                .as("ids never become series").isEmpty();
        assertThat(m.sum("s3aas_instances", Map.of("status", "ACTIVE"))).isGreaterThanOrEqualTo(1);
        assertThat(m.find("s3aas_instances", Map.of("status", "ERROR"))).as("zeros have a series").hasSize(1);
        assertThat(m.find("s3aas_nodes", Map.of("status", "RUNNING"))).hasSize(1);
        assertThat(m.sum("s3aas_reconcile_runs_seconds_count", Map.of("outcome", "done"))).isGreaterThanOrEqualTo(1);
        assertThat(m.find("s3aas_reconcile_queue_depth", Map.of())).hasSize(1);
        assertThat(m.sum("s3aas_provisioner_actions_total", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(m.sum("jvm_memory_used_bytes", Map.of())).isPositive();
    }

    @Test
    void theScrapeTokenReadsMetricsButNothingElse() throws Exception {
        assertThat(get("/metrics", SCRAPE_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get(BASE, SCRAPE_TOKEN).statusCode()).as("not an API token").isEqualTo(401);
    }

    @Test
    void nonAdminsAndAnonymousCallersAreRefused() throws Exception {
        HttpResponse<String> anonymous = get("/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(get("/metrics", owner).statusCode()).isEqualTo(403);
        assertThat(get("/metrics", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", SCRAPE_TOKEN + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void ownersGetAScrapeConfigurationForTheirInstanceViewersDoNot() {
        Http.Resp r = f.http.get(BASE + "/" + instance + "/prometheus", owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String node = f.awaitActive(owner, instance).body().path("nodes").get(0).path("url").asText();
        assertThat(r.body().path("targets").get(0).asText()).isEqualTo(node + "/metrics");
        String token = r.text("bearer_token");
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(r.text("scrape_config")).contains("credentials: " + token)
                .contains("- " + node.replaceFirst("^http://", ""));
        assertThat(f.http.get(BASE + "/" + instance + "/prometheus", viewer).status()).isEqualTo(403);
    }
}
