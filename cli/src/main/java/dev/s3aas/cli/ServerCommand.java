package dev.s3aas.cli;

import dev.s3aas.controlplane.ControlPlane;
import dev.s3aas.controlplane.ControlPlaneConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code s3aas server}: the control plane with its embedded defaults (SQLite in the data dir, local node
 * processes). Configured by environment variables, optionally over a properties file named by S3AAS_CONFIG.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the control plane (REST API on S3AAS_LISTEN, default 127.0.0.1:8080).",
        footer = {"", "Environment:",
            "  S3AAS_DATA_DIR         data directory (default ./s3aas-data)",
            "  S3AAS_LISTEN           host:port of the REST API (default 127.0.0.1:8080)",
            "  S3AAS_DB_URL           JDBC URL (default: SQLite in the data dir); S3AAS_DB_USER, S3AAS_DB_PASSWORD",
            "  S3AAS_NODE_PORTS       port range for local nodes (default 9100-9199)",
            "  S3AAS_ADMIN_PASSWORD   bootstrap admin password (default: generated, printed once)",
            "  S3AAS_MASTER_KEY_FILE  key that encrypts secrets at rest (default <data dir>/master.key)",
            "  S3AAS_TLS_CERT         PEM certificate chain: serve the API over HTTPS (TLS 1.2+, reloaded on change)",
            "  S3AAS_TLS_KEY          its PEM private key (unencrypted; keep it mode 0600)",
            "  S3AAS_NODE_TLS         true: local nodes serve HTTPS with certificates of the control plane's own CA",
            "                         (GET /v1/types/s3/instances/{id} returns it as ca_certificate); default false",
            "  S3AAS_CONFIG           optional properties file with the same keys"})
final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        ControlPlaneConfig config = ControlPlaneConfig.fromEnvironment();
        ControlPlane cp = ControlPlane.start(config);
        CloseOnShutdown stop = CloseOnShutdown.register(cp, "s3aas control plane", System.out);
        System.out.printf("s3aas control plane listening on %s://%s:%d (data: %s)%n", cp.scheme(), config.listenHost(),
                cp.port(), config.dataDir().toAbsolutePath());
        System.out.flush();
        stop.awaitClosed();
        return 0;
    }
}
