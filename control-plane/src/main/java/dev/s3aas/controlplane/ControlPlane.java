package dev.s3aas.controlplane;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.s3aas.common.tls.ServerTls;
import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.OpenApi;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Router;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.node.MinioNodeClients;
import dev.s3aas.controlplane.node.NodeClient;
import dev.s3aas.controlplane.provision.LocalProcessProvisioner;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.Provisioner;
import dev.s3aas.controlplane.reconcile.ReconcileController;
import dev.s3aas.controlplane.tls.NodeTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The control plane of one host: REST API, IAM, SQL store, reconciler and node provisioner.
 * {@code ./s3aas server} calls {@link #start(ControlPlaneConfig)}; {@link #close()} stops the API
 * and the reconciler and leaves node processes running (a restarted control plane re-adopts them).
 * One control plane per data dir ({@link DataDirLock}) and per PostgreSQL database
 * ({@link Database#lockExclusive}).
 */
public final class ControlPlane implements AutoCloseable {
    /** Builds the provisioner; tests substitute one. */
    @FunctionalInterface
    interface ProvisionerFactory {
        /** @param tls the nodes' certificates when they are to serve HTTPS ({@code S3AAS_NODE_TLS}), else null */
        Provisioner create(NodeStore store, NodeTls tls, Consumer<String> onNodeExit);
    }

    private final Server server;
    private final String scheme;
    private final List<Route> routes;
    private final ReconcileController controller;
    /** Closed in this order once the API and the reconciler have stopped (the data dir lock last). */
    private final List<AutoCloseable> resources;

    private ControlPlane(Server server, String scheme, List<Route> routes, ReconcileController controller,
            List<AutoCloseable> resources) {
        this.server = server;
        this.scheme = scheme;
        this.routes = routes;
        this.controller = controller;
        this.resources = resources;
    }

    public static ControlPlane start(ControlPlaneConfig config) {
        MinioNodeClients nodes = new MinioNodeClients();
        try {
            return start(config, local(config), nodes);
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    /** The embedded default: nodes as child processes of this host. */
    static ProvisionerFactory local(ControlPlaneConfig config) {
        return (store, tls, onExit) -> new LocalProcessProvisioner(store, config.dataDir(), config.nodePorts(),
                config.nodeLauncher(), tls, onExit);
    }

    /** Starts over the given provisioner and node clients; {@link #close()} closes {@code nodes}. */
    static ControlPlane start(ControlPlaneConfig config, ProvisionerFactory provisioners, NodeClient.Factory nodes) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + config.dataDir(), e);
        }
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            opened.add(DataDirLock.acquire(config.dataDir()));
            Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword());
            opened.add(0, db);
            opened.add(0, db.lockExclusive());
            String metricsToken = config.metricsToken();
            Wiring w = new Wiring(config, db, provisioners, nodes);
            opened.add(0, w.metrics);
            opened.add(0, w.audit);
            Router router = router(w.routes());
            ServerTls tls = config.tls() == null ? null : openTls(config.tls());
            if (tls != null) {
                opened.add(0, tls);
            }
            Server server = http(config, w.handler(router, jsonMapper(), metricsToken), tls);
            w.controller.start(2);
            w.clusterMonitor.start();
            opened.add(0, nodes);
            opened.add(0, w.ceph);
            opened.add(0, w.provisioner);
            opened.add(0, w.clusterMonitor);
            return new ControlPlane(server, tls == null ? "http" : "https", router.routes(), w.controller,
                    List.copyOf(opened));
        } catch (RuntimeException e) {
            try {
                closeAll(opened);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static ServerTls openTls(TlsFiles files) {
        try {
            return ServerTls.open(files);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the API's TLS certificate " + files.certificate() + " and key "
                    + files.privateKey() + ": " + e.getMessage(), e);
        }
    }

    /** The API's Jetty server: HTTPS only when {@code tls} is given (TLS 1.2+, renewed files reloaded). */
    private static Server http(ControlPlaneConfig config, Handler handler, ServerTls tls) {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("cp-http");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no version banner for scanners
        http.setSendXPoweredBy(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        ServerConnector connector = tls == null ? new ServerConnector(server, h1)
                : new ServerConnector(server, tls.connectionFactories(h1));
        connector.setHost(config.listenHost());
        connector.setPort(config.listenPort());
        server.addConnector(connector);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + config.listenHost() + ":" + config.listenPort(), e);
        }
        return server;
    }

    /** The HTTP port actually bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** "https" when the API is served over TLS ({@code S3AAS_TLS_CERT}), else "http". */
    public String scheme() {
        return scheme;
    }

    /** The route table being served (the OpenAPI test compares it with the document). */
    List<Route> routes() {
        return routes;
    }

    /** Test hook: true when the reconciler has nothing queued or running. */
    boolean reconcilerIdle() {
        return controller.idle();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("HTTP server did not stop cleanly", e);
        } finally {
            controller.close();
            closeAll(resources);
        }
    }

    /** Closes every resource even when one fails; the first failure is thrown, the others suppressed. */
    private static void closeAll(List<AutoCloseable> resources) {
        IllegalStateException failure = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("control plane did not shut down cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The router over the resources' routes plus {@code GET /v1/openapi.json}, whose document is
     * generated from the complete table (itself included) once, at startup.
     */
    static Router router(List<Route> routes) {
        List<Route> all = new ArrayList<>(routes);
        Map<String, Object>[] doc = newDocHolder();
        all.add(new Route("GET", "/v1/openapi.json", "This OpenAPI 3 document", "public", Route.Shape.FREE, null, null,
                false, r -> ApiResponse.ok(doc[0])));
        doc[0] = OpenApi.document(all, "v1");
        return new Router(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newDocHolder() {
        return (Map<String, Object>[]) new Map<?, ?>[1];
    }
}
