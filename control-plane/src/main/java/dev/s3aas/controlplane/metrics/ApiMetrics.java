package dev.s3aas.controlplane.metrics;

import dev.s3aas.controlplane.api.Exchange;
import dev.s3aas.controlplane.api.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times every REST API request: {@code s3aas_api_requests_seconds} by {@code method}, {@code route} (the route's
 * template, e.g. {@code /v1/types/s3/instances/{instance}}, so ids do not explode the series; "unmatched" for
 * unknown paths) and {@code status}. One of the API handler's {@link RequestObserver}s, like the access log and
 * the audit trail, so the request is routed once and the API layer knows nothing of metrics.
 */
public final class ApiMetrics implements RequestObserver {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    public ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(Exchange x) {
        String method = switch (x.method()) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> x.method();
            default -> "other"; // any token is a method to HTTP: keep the series bounded
        };
        Timer.builder("s3aas.api.requests").description("REST API requests by method, route and status")
                .tag("method", method).tag("route", x.route() == null ? "unmatched" : x.route().template())
                .tag("status", String.valueOf(x.status())).serviceLevelObjectives(BUCKETS).register(registry)
                .record(x.durationNanos(), TimeUnit.NANOSECONDS);
    }
}
