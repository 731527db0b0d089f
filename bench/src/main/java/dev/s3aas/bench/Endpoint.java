package dev.s3aas.bench;

import java.net.InetSocketAddress;
import java.net.URI;

/** Where a server listens and the credentials to sign for it. */
record Endpoint(String host, int port, String accessKey, String secretKey, String region) {
    Endpoint {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad endpoint " + host + ":" + port);
        }
        if (accessKey == null || secretKey == null) {
            throw new IllegalArgumentException("credentials are required");
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    static Endpoint of(URI uri, String accessKey, String secretKey, String region) {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// endpoints are supported: " + uri);
        }
        return new Endpoint(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), accessKey, secretKey, region);
    }

    /** The Host header value (and the signed host). */
    String hostHeader() {
        return host + ":" + port;
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    URI uri() {
        return URI.create("http://" + hostHeader());
    }
}
