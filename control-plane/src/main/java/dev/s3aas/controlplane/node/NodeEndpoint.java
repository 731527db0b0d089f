package dev.s3aas.controlplane.node;

import java.util.Objects;

/**
 * Where a node serves and how to trust it: plain HTTP ({@code caCertificate} null) or HTTPS with a certificate
 * the given CA (PEM) issued, which is then the only one trusted for it.
 */
public record NodeEndpoint(String host, int port, String caCertificate) {
    public NodeEndpoint {
        Objects.requireNonNull(host, "host");
    }

    public static NodeEndpoint plain(String host, int port) {
        return new NodeEndpoint(host, port, null);
    }

    public boolean tls() {
        return caCertificate != null;
    }

    /** {@code http(s)://host:port}. */
    public String url() {
        return (tls() ? "https" : "http") + "://" + host + ":" + port;
    }
}
