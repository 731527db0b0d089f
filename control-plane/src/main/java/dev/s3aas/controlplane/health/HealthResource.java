package dev.s3aas.controlplane.health;

import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health} and {@code GET /ready}, without authentication, for load balancers, Kubernetes probes and
 * systemd. Health: the process answers. Readiness: the database answers a query, every schema migration is
 * applied and the reconciler's workers are running; otherwise 503 with the failing check named in
 * {@code reason} (and every check's state in {@code checks}).
 */
public final class HealthResource {
    private final Database db;
    private final BooleanSupplier reconcilerRunning;

    public HealthResource(Database db, BooleanSupplier reconcilerRunning) {
        this.db = db;
        this.reconcilerRunning = reconcilerRunning;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/health", "Liveness: the process answers", "public", Shape.FREE, null, null, false,
                        r -> ApiResponse.ok(Map.of("status", "ok"))),
                new Route("GET", "/ready", "Readiness: database, schema and reconciler", "public", Shape.FREE, null,
                        null, false, r -> ready()));
    }

    private ApiResponse ready() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database());
        checks.put("migrations", checks.get("database").equals("ok") ? migrations() : "not checked");
        checks.put("reconciler", reconcilerRunning.getAsBoolean() ? "ok" : "the reconciler is not running");
        String failed = checks.entrySet().stream().filter(e -> !e.getValue().equals("ok")).findFirst()
                .map(e -> e.getKey() + ": " + e.getValue()).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failed == null ? "ready" : "not_ready");
        if (failed != null) {
            body.put("reason", failed);
        }
        body.put("checks", checks);
        return new ApiResponse(failed == null ? 200 : 503, body, Map.of());
    }

    private String database() {
        try {
            Integer one = db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return one == 1 ? "ok" : "unexpected answer";
        } catch (RuntimeException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private String migrations() {
        try {
            int pending = db.pendingMigrations();
            return pending == 0 ? "ok" : pending + " migration(s) not applied";
        } catch (RuntimeException e) {
            return "cannot read the schema history (" + e.getClass().getSimpleName() + ")";
        }
    }
}
