package dev.s3aas.controlplane.ceph;

import dev.s3aas.controlplane.cluster.GatewayHealth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Is a gateway serving? An anonymous {@code GET /} (S3 ListBuckets as the anonymous user, which RGW answers
 * with an empty list): any answer below 500 means the gateway's frontend and its RADOS connection work.
 */
final class GatewayCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private GatewayCheck() {}

    static GatewayHealth check(HttpClient http, URI gateway, Clock clock) {
        HttpRequest req = HttpRequest.newBuilder(gateway.resolve("/")).timeout(TIMEOUT).GET().build();
        try {
            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status < 500 ? new GatewayHealth(gateway, true, "", clock.millis())
                    : new GatewayHealth(gateway, false, "answered HTTP " + status, clock.millis());
        } catch (IOException e) {
            return new GatewayHealth(gateway, false, "unreachable: " + describe(e), clock.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GatewayHealth(gateway, false, "probe interrupted", clock.millis());
        }
    }

    /** The JDK client often throws without a message (connection refused): name the exception then. */
    static String describe(IOException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
