package dev.s3aas.node;

import dev.s3aas.node.admin.AdminHandler;
import dev.s3aas.node.iam.IamStore;
import dev.s3aas.node.iam.SecretSeal;
import dev.s3aas.node.lifecycle.LifecycleWorker;
import dev.s3aas.node.scrub.ScrubWorker;
import dev.s3aas.node.metrics.NodeMetrics;
import dev.s3aas.node.s3.MetricsEndpoint;
import dev.s3aas.node.s3.Readiness;
import dev.s3aas.node.s3.S3Server;
import dev.s3aas.node.storage.MetadataTable;
import dev.s3aas.node.storage.RocksObjectStore;
import dev.s3aas.node.storage.StorageEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Wiring of a data-plane node: storage engine, IAM (credentials and policies), the S3 endpoint and the admin
 * API in front of it, and the lifecycle and scrub workers. The one place the graph is built.
 */
public final class Node implements AutoCloseable {
    private static final String DEPLOYMENT_ID = "deployment-id";

    private final RocksObjectStore store;
    private final S3Server server;
    private final LifecycleWorker lifecycle;
    private final ScrubWorker scrub;
    private final NodeMetrics metrics;

    private Node(RocksObjectStore store, S3Server server, LifecycleWorker lifecycle, ScrubWorker scrub,
                 NodeMetrics metrics) {
        this.store = store;
        this.server = server;
        this.lifecycle = lifecycle;
        this.scrub = scrub;
        this.metrics = metrics;
    }

    public static Node start(NodeConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /**
     * @param dataClock the time of the stored data: Last-Modified of new versions, upload initiation, whether a
     *                  retention is in force, and when lifecycle rules are due. Tests pass a clock they move
     *                  forward. Request signatures and IAM stay on the system clock: clients sign with theirs.
     */
    public static Node start(NodeConfig config, Clock dataClock) throws Exception {
        NodeMetrics metrics = config.metrics() == MetricsAccess.OFF ? null : new NodeMetrics();
        RocksObjectStore store = RocksObjectStore.open(config.dataDir(), config.sseKeyFile(), dataClock,
                metrics == null ? StorageEvents.NONE : metrics.storageEvents());
        ScrubWorker scrub = ScrubWorker.start(store.scrubber(), dataClock, config.scrub().rateBytesPerSecond(),
                config.scrub().interval());
        try {
            Clock clock = Clock.systemUTC();
            MetricsEndpoint scrape = null;
            if (metrics != null) {
                metrics.watch(store);
                metrics.watch(scrub);
                scrape = new MetricsEndpoint(metrics.registry(), metrics::scrape,
                        config.metrics() == MetricsAccess.PUBLIC ? null : config.root(), clock);
            }
            IamStore iam = IamStore.open(store.metadataTable("iam"), config.root(), clock,
                    new SecretSeal(store.masterSubkey(SecretSeal.LABEL)));
            AdminHandler admin = new AdminHandler(iam, iam, store, scrub, new AdminHandler.Settings(config.region(),
                    version(), clock.instant(), deploymentId(store.metadataTable("node"))), clock);
            S3Server server = S3Server.start(
                    new S3Server.Settings(config.address(), config.region(), config.domains(),
                            config.root().accessKeyId(), config.rootMfa(), config.sseCOverHttp(), config.tls()),
                    store, iam, iam, admin, new Readiness(store, config.dataDir(), config.readyMaxDiskUsed()), scrape);
            return new Node(store, server, LifecycleWorker.start(store, dataClock, config.lifecycleInterval()), scrub,
                    metrics);
        } catch (Exception e) {
            scrub.close();
            store.close();
            if (metrics != null) {
                metrics.close();
            }
            throw e;
        }
    }

    /** A random id chosen at the first start and kept in the metadata store (MinIO's deploymentID). */
    private static String deploymentId(MetadataTable table) throws IOException {
        byte[] v = table.get(DEPLOYMENT_ID);
        if (v != null) {
            return new String(v, StandardCharsets.UTF_8);
        }
        String id = UUID.randomUUID().toString();
        table.commit(new MetadataTable.Batch().put(DEPLOYMENT_ID, id.getBytes(StandardCharsets.UTF_8)));
        return id;
    }

    private static String version() {
        String v = Node.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public int port() {
        return server.port();
    }

    /** "https" when the node serves TLS, else "http". */
    public String scheme() {
        return server.scheme();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            try {
                lifecycle.close();
                scrub.close();
            } finally {
                store.close();
                if (metrics != null) {
                    metrics.close();
                }
            }
        }
    }
}
