package dev.s3aas.controlplane;

import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.controlplane.provision.NodeLauncher;
import dev.s3aas.controlplane.provision.PortRange;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Control-plane settings.
 *
 * @param dataDir holds the SQLite database, the master key, the admin password file and the nodes
 * @param listenHost / listenPort HTTP address ({@code S3AAS_LISTEN}, default 127.0.0.1:8080; port 0 = any free)
 * @param dbUrl JDBC URL ({@code S3AAS_DB_URL}); null = SQLite file {@code <dataDir>/control-plane.db}
 * @param dbUser / dbPassword for PostgreSQL ({@code S3AAS_DB_USER}, {@code S3AAS_DB_PASSWORD}), may be null
 * @param nodePorts ports for local nodes ({@code S3AAS_NODE_PORTS}, default 9100-9199)
 * @param adminPassword bootstrap admin password ({@code S3AAS_ADMIN_PASSWORD}); null = generate
 * @param masterKeyFile AES-256 master key ({@code S3AAS_MASTER_KEY_FILE}, default {@code <dataDir>/master.key})
 * @param tokenTtl access token lifetime (default 1 h)
 * @param resyncInterval how often every instance is reconciled even without changes (default 15 s)
 * @param nodeLauncher how the local provisioner starts nodes (default: {@code dev.s3aas.cli.Main} on this JVM)
 * @param metricsTokenFile a file holding the static bearer token that may read {@code /metrics}
 *                         ({@code S3AAS_METRICS_TOKEN_FILE}); null = admins' access tokens only
 * @param tls certificate and key to serve the API over HTTPS ({@code S3AAS_TLS_CERT}, {@code S3AAS_TLS_KEY}: both
 *            or neither; PEM, reloaded when they change); null = plain HTTP
 * @param nodeTls local nodes serve HTTPS with certificates from the control plane's own CA
 *                ({@code S3AAS_NODE_TLS=true}; default false)
 */
public record ControlPlaneConfig(
        Path dataDir,
        String listenHost,
        int listenPort,
        String dbUrl,
        String dbUser,
        String dbPassword,
        PortRange nodePorts,
        String adminPassword,
        Path masterKeyFile,
        Duration tokenTtl,
        Duration resyncInterval,
        NodeLauncher nodeLauncher,
        Path metricsTokenFile,
        TlsFiles tls,
        boolean nodeTls) {

    public ControlPlaneConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(nodePorts, "nodePorts");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        Objects.requireNonNull(nodeLauncher, "nodeLauncher");
        masterKeyFile = masterKeyFile == null ? dataDir.resolve("master.key") : masterKeyFile;
    }

    /** Embedded defaults for a data dir. */
    public static ControlPlaneConfig defaults(Path dataDir) {
        return new ControlPlaneConfig(dataDir, "127.0.0.1", 8080, null, null, null, new PortRange(9100, 9199), null,
                null, Duration.ofHours(1), Duration.ofSeconds(15), NodeLauncher.currentJvm(NodeLauncher.DEFAULT_MAIN),
                null, null, false);
    }

    /**
     * From the environment, over an optional properties file named by {@code S3AAS_CONFIG} whose
     * keys are the same variable names (the environment wins).
     */
    public static ControlPlaneConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    static ControlPlaneConfig fromMap(Map<String, String> env) {
        Properties file = new Properties();
        String configFile = env.get("S3AAS_CONFIG");
        if (configFile != null) {
            try (Reader r = Files.newBufferedReader(Path.of(configFile))) {
                file.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config file " + configFile, e);
            }
        }
        java.util.function.Function<String, String> get = k -> env.getOrDefault(k, file.getProperty(k));
        Path dataDir = Path.of(orDefault(get.apply("S3AAS_DATA_DIR"), "s3aas-data"));
        ControlPlaneConfig c = defaults(dataDir);
        String listen = orDefault(get.apply("S3AAS_LISTEN"), "127.0.0.1:8080");
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("S3AAS_LISTEN must be host:port, got " + listen);
        }
        String keyFile = get.apply("S3AAS_MASTER_KEY_FILE");
        String ports = get.apply("S3AAS_NODE_PORTS");
        String metricsToken = get.apply("S3AAS_METRICS_TOKEN_FILE");
        return new ControlPlaneConfig(dataDir, listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)),
                get.apply("S3AAS_DB_URL"), get.apply("S3AAS_DB_USER"), get.apply("S3AAS_DB_PASSWORD"),
                ports == null ? c.nodePorts() : PortRange.parse(ports), get.apply("S3AAS_ADMIN_PASSWORD"),
                keyFile == null ? null : Path.of(keyFile), c.tokenTtl(), c.resyncInterval(), c.nodeLauncher(),
                metricsToken == null || metricsToken.isBlank() ? null : Path.of(metricsToken),
                TlsFiles.ofOptional(get.apply("S3AAS_TLS_CERT"), get.apply("S3AAS_TLS_KEY"), "S3AAS_TLS_CERT",
                        "S3AAS_TLS_KEY"), bool("S3AAS_NODE_TLS", get.apply("S3AAS_NODE_TLS")));
    }

    private static boolean bool(String name, String v) {
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got " + v);
        };
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    public ControlPlaneConfig withListen(String host, int port) {
        return new ControlPlaneConfig(dataDir, host, port, dbUrl, dbUser, dbPassword, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, tls, nodeTls);
    }

    public ControlPlaneConfig withDatabase(String url, String user, String password) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, url, user, password, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, tls, nodeTls);
    }

    public ControlPlaneConfig withAdminPassword(String password) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, nodePorts, password,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, tls, nodeTls);
    }

    public ControlPlaneConfig withNodes(PortRange ports, NodeLauncher launcher) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, ports, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, launcher, metricsTokenFile, tls, nodeTls);
    }

    public ControlPlaneConfig withTimings(Duration tokenTtl, Duration resyncInterval) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, tls, nodeTls);
    }

    public ControlPlaneConfig withMetricsTokenFile(Path file) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, file, tls, nodeTls);
    }

    /**
     * The static scrape token from {@link #metricsTokenFile()}, or null when none is configured.
     *
     * @throws UncheckedIOException if the file is configured but unreadable or empty (refuse to start rather than
     *                              serve metrics no scraper can read)
     */
    public String metricsToken() {
        if (metricsTokenFile == null) {
            return null;
        }
        try {
            String token = Files.readString(metricsTokenFile).strip();
            if (token.length() < 16) {
                throw new IllegalArgumentException("S3AAS_METRICS_TOKEN_FILE " + metricsTokenFile
                        + " must hold a token of at least 16 characters");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read S3AAS_METRICS_TOKEN_FILE " + metricsTokenFile, e);
        }
    }

    /** @param files certificate and key to serve the API over HTTPS, or null for HTTP */
    public ControlPlaneConfig withTls(TlsFiles files) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, files, nodeTls);
    }

    /** @param on local nodes serve HTTPS with certificates of the control plane's CA */
    public ControlPlaneConfig withNodeTls(boolean on) {
        return new ControlPlaneConfig(dataDir, listenHost, listenPort, dbUrl, dbUser, dbPassword, nodePorts, adminPassword,
                masterKeyFile, tokenTtl, resyncInterval, nodeLauncher, metricsTokenFile, tls, on);
    }

    /** The JDBC URL in effect. */
    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : "jdbc:sqlite:" + dataDir.resolve("control-plane.db").toAbsolutePath();
    }
}
