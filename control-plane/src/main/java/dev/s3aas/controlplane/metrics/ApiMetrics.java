package dev.s3aas.controlplane.metrics;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.Router;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every REST API request, from arrival until Jetty completes the response: {@code s3aas_api_requests_seconds}
 * by {@code method}, {@code route} (the route's template, e.g. {@code /v1/types/s3/instances/{instance}}, so ids do
 * not explode the series; "unmatched" for unknown paths) and {@code status}. A wrapper around the API handler, so
 * the API layer itself knows nothing of metrics.
 */
public final class ApiMetrics extends Handler.Wrapper {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Router router;

    public ApiMetrics(MeterRegistry registry, Router router, Handler api) {
        super(api);
        this.registry = registry;
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String method = switch (request.getMethod()) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> request.getMethod();
            default -> "other"; // any token is a method to HTTP: keep the series bounded
        };
        String route = route(method, request.getHttpURI().getPath());
        return super.handle(request, response, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                record(method, route, String.valueOf(response.getStatus()), start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record(method, route, "aborted", start);
                super.failed(x);
            }
        });
    }

    private String route(String method, String path) {
        try {
            return router.match(method, path).route().template();
        } catch (ApiError e) {
            return "unmatched";
        }
    }

    private void record(String method, String route, String status, long start) {
        Timer.builder("s3aas.api.requests").description("REST API requests by method, route and status")
                .tag("method", method).tag("route", route).tag("status", status)
                .serviceLevelObjectives(BUCKETS).register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
