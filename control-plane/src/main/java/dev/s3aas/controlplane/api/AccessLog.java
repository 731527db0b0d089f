package dev.s3aas.controlplane.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per API request on the logger {@code s3aas.access} (so it can be tuned or routed on its own):
 * method, concrete path, status, duration, route template, principal and client address; the request id is in
 * the MDC. Never the query, a header or a body. The same values are attached as key/value pairs, which the JSON
 * log format ({@code S3AAS_LOG_FORMAT=json}) writes as fields.
 */
public final class AccessLog implements RequestObserver {
    private static final Logger LOG = LoggerFactory.getLogger("s3aas.access");

    @Override
    public void completed(Exchange x) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String route = x.route() == null ? "-" : x.route().template();
        String principal = x.principal() == null ? "-" : x.principal().name();
        LOG.atInfo()
                .addKeyValue("method", x.method())
                .addKeyValue("path", x.path())
                .addKeyValue("status", x.status())
                .addKeyValue("duration_ms", x.durationMillis())
                .addKeyValue("route", route)
                .addKeyValue("principal", principal)
                .addKeyValue("client", x.client())
                .log("{} {} {} {}ms route={} principal={} client={}", x.method(), x.path(), x.status(),
                        x.durationMillis(), route, principal, x.client());
    }
}
