package dev.s3aas.controlplane.ceph;

import dev.s3aas.controlplane.cluster.ClusterProbe.CephHealth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster's own health from the Ceph mgr's Prometheus module: {@code ceph_health_status} (0 OK, 1 WARN,
 * 2 ERR) and one {@code ceph_health_detail{name=…,severity=…} 1} per active health check. Only these two
 * series of the text format are read, so a few lines of parsing do (no Java library parses the exposition
 * format as a client).
 */
final class MgrHealth {
    private static final Pattern STATUS = Pattern.compile("^ceph_health_status\\s+([0-9.]+)");
    private static final Pattern DETAIL = Pattern.compile("^ceph_health_detail\\{([^}]*)}\\s+([0-9.]+)");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private MgrHealth() {}

    static CephHealth read(HttpClient http, URI metrics) {
        HttpRequest req = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return new CephHealth(CephHealth.Level.UNKNOWN, "mgr metrics " + metrics + " answered HTTP " + r.statusCode());
            }
            return parse(r.body());
        } catch (IOException e) {
            return new CephHealth(CephHealth.Level.UNKNOWN, "mgr metrics " + metrics + " unreachable: "
                    + GatewayCheck.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CephHealth.UNKNOWN;
        }
    }

    static CephHealth parse(String exposition) {
        CephHealth.Level level = CephHealth.Level.UNKNOWN;
        List<String> checks = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher s = STATUS.matcher(line);
            if (s.find()) {
                level = switch ((int) Double.parseDouble(s.group(1))) {
                    case 0 -> CephHealth.Level.OK;
                    case 1 -> CephHealth.Level.WARN;
                    default -> CephHealth.Level.ERR;
                };
                continue;
            }
            Matcher d = DETAIL.matcher(line);
            if (d.find() && Double.parseDouble(d.group(2)) > 0) {
                Matcher n = NAME.matcher(d.group(1));
                if (n.find()) {
                    checks.add(n.group(1));
                }
            }
        }
        if (level == CephHealth.Level.UNKNOWN) {
            return new CephHealth(level, "the mgr metrics have no ceph_health_status");
        }
        return new CephHealth(level, level == CephHealth.Level.OK ? "" : String.join(", ", checks.stream().sorted().toList()));
    }
}
