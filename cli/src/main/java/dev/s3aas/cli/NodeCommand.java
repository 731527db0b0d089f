package dev.s3aas.cli;

import dev.s3aas.cli.client.DurationConverter;
import dev.s3aas.node.MetricsAccess;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code s3aas node}: runs one data-plane node in the foreground until interrupted. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run an S3 data-plane node.")
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Directory for metadata and object data.")
    Path dataDir;

    @Option(names = "--address", defaultValue = "127.0.0.1:9000", description = "host:port to listen on (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--root-user", description = "Root access key (env S3AAS_ROOT_USER).")
    String rootUser;

    @Option(names = "--root-password", description = "Root secret key (env S3AAS_ROOT_PASSWORD).")
    String rootPassword;

    @Option(names = "--root-mfa-serial", description = "Serial of the root account's virtual MFA device, for MFA "
            + "delete (env S3AAS_ROOT_MFA_SERIAL).")
    String rootMfaSerial;

    @Option(names = "--root-mfa-secret", description = "Its TOTP secret, base32 (env S3AAS_ROOT_MFA_SECRET; prefer "
            + "the environment: arguments are visible to other users).")
    String rootMfaSecret;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region this node reports (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--domain", split = ",", description = "Domain(s) for virtual-hosted-style requests, e.g. s3.example.com.")
    List<String> domains = List.of();

    @Option(names = "--sse-key-file", description = "SSE-S3 master key file (created if absent; default "
            + "<data-dir>/sse-master.key). Keep it off the data disk to protect data at rest.")
    Path sseKeyFile;

    @Option(names = "--lifecycle-interval", converter = DurationConverter.class, description = "How often the "
            + "lifecycle worker applies buckets' lifecycle rules, e.g. 1h, 15m, 30s or PT1H (default: 1h).")
    Duration lifecycleInterval;

    @Option(names = "--scrub-rate", converter = ByteSizeConverter.class, defaultValue = "32MiB", description = "How "
            + "fast the background scrub reads stored data back to check it against its checksums, per second, "
            + "e.g. 32MiB or 0 to turn it off (default: ${DEFAULT-VALUE}).")
    long scrubRate;

    @Option(names = "--scrub-interval", converter = DurationConverter.class, defaultValue = "24h", description = "Time "
            + "between the end of one full scrub pass and the next, e.g. 24h or 7d (default: ${DEFAULT-VALUE}).")
    Duration scrubInterval;

    @Option(names = "--sse-c-over-http", description = "Accept SSE-C (customer-provided) keys on plain HTTP. Only "
            + "behind a TLS-terminating proxy: keys travel in request headers. Off by default (refused).")
    boolean sseCOverHttp;

    @Option(names = "--tls-cert", description = "PEM certificate chain (leaf first) to serve HTTPS with, TLS 1.2 "
            + "and 1.3 only; renewed files are picked up within seconds. Needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM private key of --tls-cert (PKCS#8, PKCS#1 RSA or SEC 1 EC, "
            + "unencrypted): the node's own secret, keep it mode 0600.")
    Path tlsKey;

    @Option(names = "--ready-max-disk-used", defaultValue = "95", description = "GET /ready answers 503 once the data "
            + "file system is fuller than this percentage (default: ${DEFAULT-VALUE}).")
    double readyMaxDiskUsedPercent;

    @Option(names = "--metrics", defaultValue = "token", description = "Who may read GET /metrics: token (a bearer "
            + "token for the root credentials in MinIO's format, as `mc admin prometheus generate` makes), public, "
            + "or off (default: ${DEFAULT-VALUE}).")
    String metrics;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress listen = HostPort.parse(address);
        RootCredentials root = RootSecrets.resolve(dataDir, rootUser, rootPassword, System.out);
        Node node = Node.start(new NodeConfig(dataDir, listen, root, region, domains, sseKeyFile,
                RootSecrets.mfa(rootMfaSerial, rootMfaSecret)).withLifecycleInterval(lifecycleInterval)
                .withSseCOverHttp(sseCOverHttp).withReadyMaxDiskUsed(readyMaxDiskUsedPercent / 100)
                .withMetrics(metricsAccess(metrics)).withScrub(new NodeConfig.Scrub(scrubRate, scrubInterval))
                .withTls(TlsFiles.ofOptional(tlsCert == null ? null : tlsCert.toString(),
                        tlsKey == null ? null : tlsKey.toString(), "--tls-cert", "--tls-key")));
        CloseOnShutdown stop = CloseOnShutdown.register(node, "s3aas node", System.out);
        System.out.printf("s3aas node listening on %s://%s:%d (data: %s)%n", node.scheme(), listen.getHostString(),
                node.port(), dataDir.toAbsolutePath());
        System.out.flush();
        stop.awaitClosed();
        return 0;
    }

    private static MetricsAccess metricsAccess(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "token" -> MetricsAccess.TOKEN;
            case "public" -> MetricsAccess.PUBLIC;
            case "off" -> MetricsAccess.OFF;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new NodeCommand()),
                    "--metrics must be token, public or off: " + value);
        };
    }
}
