package dev.s3aas.controlplane.provision;

import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.tls.NodeTls;
import dev.s3aas.controlplane.provision.NodeStore.NodeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each node as a child process of this host (the embedded default).
 *
 * <p>Layout: node {@code N} of an instance lives in {@code <data-dir>/nodes/<node-id>/}, with its
 * store in {@code data/} (passed as {@code --data-dir}) and its output in {@code node.log}.
 *
 * <p>Restart safety: the row (port, data dir) is written before the process starts and its pid
 * right after. A process is recognised as a node's by its pid <em>and</em> its command line
 * containing the node's data dir, so a recycled pid is never mistaken for a node. When the pid is
 * missing (crash between start and record) the process table is searched by data dir. Hence a
 * restarted control plane re-adopts running nodes instead of starting duplicates.
 *
 * <p>Shutdown: {@link #close()} leaves nodes running, so the data plane keeps serving while the
 * control plane restarts or upgrades; a new control plane re-adopts them. On start,
 * {@link #reapOrphans()} kills node processes under this data dir that no row knows (e.g. their
 * instance was deleted by a control plane that crashed before killing them) and moves their
 * directories to {@code <data-dir>/orphaned/}: never deleted, since a wrong or empty database
 * would otherwise wipe every instance's data.
 *
 * <p>A node that keeps dying is restarted with exponential backoff (1 s doubling to 60 s) and
 * reported FAILED with its exit code in between.
 *
 * <p>TLS ({@code S3AAS_NODE_TLS}, a {@link NodeTls}): every pass makes sure the node's certificate files in its
 * directory are current ({@link NodeTls#ensure}; a renewed certificate is picked up by the running node) and
 * that the node process serves what is wanted: one started with the other setting (its command line has
 * {@code --tls-cert} or not) is stopped and started again. The row records which it serves, and that is what
 * the endpoint ({@code http} or {@code https}) and the health probe follow.
 */
public final class LocalProcessProvisioner implements Provisioner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessProvisioner.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final DateTimeFormatter QUARANTINE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final NodeStore store;
    private final Path nodesDir;
    private final Path quarantineDir;
    private final PortRange ports;
    private final NodeLauncher launcher;
    private final Consumer<String> onNodeExit;
    private final NodeTls tls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile HttpClient https;
    private final Map<String, Crash> crashes = new ConcurrentHashMap<>();
    /**
     * The process each node is watched through (node id → pid). An exit counts as a crash only
     * while the node is still watched through that pid: {@link #remove} unwatches first, so a
     * deliberate stop is not reported, and nothing is kept once the node is gone.
     */
    private final Map<String, Long> watched = new ConcurrentHashMap<>();
    private final Object portLock = new Object();
    private volatile boolean closed;

    /** The last death of a node, for backoff and for the status detail. */
    private record Crash(long at, int count, String detail) {}

    /**
     * @param onNodeExit told the instance id when one of its node processes exits, so the
     *     reconciler can restart it at once instead of at the next resync
     */
    public LocalProcessProvisioner(NodeStore store, Path dataDir, PortRange ports, NodeLauncher launcher,
            Consumer<String> onNodeExit) {
        this(store, dataDir, ports, launcher, null, onNodeExit);
    }

    /** @param tls issues the nodes' certificates so they serve HTTPS; null: plain HTTP */
    public LocalProcessProvisioner(NodeStore store, Path dataDir, PortRange ports, NodeLauncher launcher, NodeTls tls,
            Consumer<String> onNodeExit) {
        this.store = store;
        this.tls = tls;
        this.nodesDir = dataDir.resolve("nodes").toAbsolutePath();
        this.quarantineDir = dataDir.resolve("orphaned").toAbsolutePath();
        this.ports = ports;
        this.launcher = launcher;
        this.onNodeExit = onNodeExit;
    }

    @Override
    public List<ProvisionedNode> provision(NodeSpec spec) throws ProvisionException {
        List<NodeRecord> rows = new ArrayList<>(store.list(spec.instanceId()));
        for (NodeRecord extra : rows.stream().filter(r -> r.ordinal() >= spec.nodesNumber()).toList()) {
            remove(extra);
            rows.remove(extra);
        }
        for (int ordinal = 0; ordinal < spec.nodesNumber(); ordinal++) {
            int o = ordinal;
            if (rows.stream().noneMatch(r -> r.ordinal() == o)) {
                rows.add(plan(spec.instanceId(), o));
            }
        }
        List<ProvisionedNode> out = new ArrayList<>();
        for (NodeRecord row : rows.stream().sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal())).toList()) {
            out.add(ensureRunning(row, spec));
        }
        return out;
    }

    /** Records a new node (port, data dir) before anything is started. */
    private NodeRecord plan(String instanceId, int ordinal) throws ProvisionException {
        synchronized (portLock) {
            int port = freePort();
            String id = Ids.newId();
            NodeRecord row = new NodeRecord(id, instanceId, ordinal, HOST, port, null,
                    nodesDir.resolve(id).resolve("data").toString(), NodeStatus.STARTING.name());
            store.insert(row);
            return row;
        }
    }

    private int freePort() throws ProvisionException {
        Set<Integer> used = store.usedPorts();
        for (int p = ports.first(); p <= ports.last(); p++) {
            if (!used.contains(p) && bindable(p)) {
                return p;
            }
        }
        throw new ProvisionException("no free port in " + ports.first() + "-" + ports.last(), null);
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private ProvisionedNode ensureRunning(NodeRecord found, NodeSpec spec) throws ProvisionException {
        Optional<ProcessHandle> running = findProcess(found);
        if (running.isPresent() && servesTls(running.get()) != (tls != null)) {
            LOG.info("restarting node {} of instance {} to serve {}", found.uuid(), found.instanceId(),
                    tls != null ? "HTTPS" : "plain HTTP");
            watched.remove(found.uuid());
            kill(running.get());
            running = Optional.empty();
        }
        TlsFiles files = certificateFiles(found);
        if (found.tls() != (files != null)) {
            store.updateTls(found.uuid(), files != null);
        }
        NodeRecord row = new NodeRecord(found.uuid(), found.instanceId(), found.ordinal(), found.ip(), found.port(),
                found.pid(), found.dataDir(), found.status(), files != null);
        running.ifPresent(ph -> adopt(row, ph));
        if (running.isEmpty()) {
            Crash crash = crashes.get(row.uuid());
            if (crash != null && System.currentTimeMillis() - crash.at() < backoff(crash.count()).toMillis()) {
                store.update(row.uuid(), null, NodeStatus.FAILED.name());
                return node(row, NodeStatus.FAILED, crash.detail());
            }
            running = Optional.of(start(row, spec, files));
        }
        NodeStatus status = healthy(row) ? NodeStatus.RUNNING : NodeStatus.STARTING;
        if (status == NodeStatus.RUNNING) {
            crashes.remove(row.uuid());
        }
        long pid = running.get().pid();
        if (!Long.valueOf(pid).equals(row.pid()) || !status.name().equals(row.status())) {
            store.update(row.uuid(), pid, status.name());
        }
        return node(row, status, "");
    }

    private static Duration backoff(int count) {
        long seconds = 1L << Math.min(count - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** The node's current certificate files (issued or renewed first), or null when nodes serve plain HTTP. */
    private TlsFiles certificateFiles(NodeRecord row) throws ProvisionException {
        if (tls == null) {
            return null;
        }
        Path nodeDir = Path.of(row.dataDir()).getParent();
        try {
            Files.createDirectories(nodeDir);
            return tls.ensure(nodeDir, List.of(row.ip(), "localhost"));
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException("cannot issue the TLS certificate of node " + row.uuid() + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean servesTls(ProcessHandle ph) {
        return ph.info().arguments().map(args -> Arrays.asList(args).contains(NodeLauncher.TLS_CERT_FLAG)).orElse(false);
    }

    private ProvisionedNode node(NodeRecord row, NodeStatus status, String detail) {
        return new ProvisionedNode(row.uuid(), row.ip(), row.port(), status, detail,
                row.tls() && tls != null ? tls.caCertificatePem() : null);
    }

    private ProcessHandle start(NodeRecord row, NodeSpec spec, TlsFiles files) throws ProvisionException {
        try {
            Path data = Path.of(row.dataDir());
            Files.createDirectories(data);
            Path log = data.getParent().resolve("node.log");
            ProcessBuilder pb = new ProcessBuilder(launcher.command(row.dataDir(), HOST, row.port(), files))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().clear();
            pb.environment().putAll(launcher.childEnvironment(System.getenv()));
            pb.environment().put("S3AAS_ROOT_USER", spec.rootUser());
            pb.environment().put("S3AAS_ROOT_PASSWORD", spec.rootSecret());
            if (spec.mfaSerial() != null && spec.mfaSecret() != null) {
                pb.environment().put("S3AAS_ROOT_MFA_SERIAL", spec.mfaSerial());
                pb.environment().put("S3AAS_ROOT_MFA_SECRET", spec.mfaSecret());
            }
            Process p = pb.start();
            store.update(row.uuid(), p.pid(), NodeStatus.STARTING.name());
            LOG.info("started node {} of instance {} on port {} (pid {})", row.uuid(), row.instanceId(), row.port(), p.pid());
            watched.put(row.uuid(), p.pid());
            watch(row, p.toHandle(), p);
            return p.toHandle();
        } catch (IOException e) {
            throw new ProvisionException("cannot start node " + row.uuid() + ": " + e.getMessage(), e);
        }
    }

    /** Watches a running node process found by pid or data dir, unless it is watched already. */
    private void adopt(NodeRecord row, ProcessHandle ph) {
        Long before = watched.put(row.uuid(), ph.pid());
        if (before == null || before != ph.pid()) {
            LOG.info("adopted running node {} (pid {})", row.uuid(), ph.pid());
            watch(row, ph, null);
        }
    }

    private void watch(NodeRecord row, ProcessHandle handle, Process child) {
        handle.onExit().thenRun(() -> {
            if (closed || !watched.remove(row.uuid(), handle.pid())) {
                return; // stopped on purpose, or superseded by a newer process
            }
            String detail = child != null ? "node process exited with code " + child.exitValue()
                    + "; see " + Path.of(row.dataDir()).getParent().resolve("node.log")
                    : "node process " + handle.pid() + " exited";
            crashes.merge(row.uuid(), new Crash(System.currentTimeMillis(), 1, detail),
                    (old, neu) -> new Crash(neu.at(), old.count() + 1, neu.detail()));
            LOG.warn("node {} of instance {}: {}", row.uuid(), row.instanceId(), detail);
            onNodeExit.accept(row.instanceId());
        });
    }

    /** The node's live process: by recorded pid (verified by command line), else by data dir. */
    private Optional<ProcessHandle> findProcess(NodeRecord row) {
        if (row.pid() != null) {
            Optional<ProcessHandle> byPid = ProcessHandle.of(row.pid()).filter(ph -> isNodeProcess(ph, row.dataDir()));
            if (byPid.isPresent()) {
                return byPid;
            }
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ph -> isNodeProcess(ph, row.dataDir())).findFirst();
        }
    }

    private static boolean isNodeProcess(ProcessHandle ph, String dataDir) {
        return ph.isAlive() && ph.info().arguments().map(args -> Arrays.asList(args).contains(dataDir)).orElse(false);
    }

    /** GET /health over what the row says the node serves (HTTPS verified against the node CA). */
    private boolean healthy(NodeRecord row) {
        if (row.tls() && tls == null) {
            return false; // started for HTTPS before TLS was switched off: the next provisioning pass restarts it
        }
        HttpClient client = row.tls() ? httpsClient() : http;
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create((row.tls() ? "https" : "http") + "://"
                    + row.ip() + ":" + row.port() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpClient httpsClient() {
        HttpClient c = https;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).sslContext(tls.clientContext()).build();
            https = c;
        }
        return c;
    }

    @Override
    public List<ProvisionedNode> observe(String instanceId) {
        List<ProvisionedNode> out = new ArrayList<>();
        for (NodeRecord row : store.list(instanceId)) {
            boolean alive = findProcessQuietly(row);
            out.add(node(row, !alive ? NodeStatus.STOPPED : healthy(row) ? NodeStatus.RUNNING : NodeStatus.STARTING, ""));
        }
        return out;
    }

    private boolean findProcessQuietly(NodeRecord row) {
        return row.pid() != null && ProcessHandle.of(row.pid()).filter(ph -> isNodeProcess(ph, row.dataDir())).isPresent();
    }

    @Override
    public void deprovision(String instanceId) throws ProvisionException {
        for (NodeRecord row : store.list(instanceId)) {
            remove(row);
        }
    }

    /** Kills the node's process, deletes its directory, then its row (in that order: the row goes last). */
    private void remove(NodeRecord row) throws ProvisionException {
        watched.remove(row.uuid());
        findProcess(row).ifPresent(LocalProcessProvisioner::kill);
        crashes.remove(row.uuid());
        try {
            deleteTree(Path.of(row.dataDir()).getParent());
        } catch (IOException | UncheckedIOException e) {
            throw new ProvisionException("cannot remove data of node " + row.uuid() + ": " + e.getMessage(), e);
        }
        store.delete(row.uuid());
        LOG.info("removed node {} of instance {}", row.uuid(), row.instanceId());
    }

    private static void kill(ProcessHandle ph) {
        ph.destroy();
        try {
            ph.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ph.destroyForcibly();
            try {
                ph.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                LOG.warn("node process {} did not exit after SIGKILL", ph.pid());
            }
        }
    }

    /**
     * Kills node processes running from this data dir that no row knows, and moves node
     * directories no row knows to {@code <data-dir>/orphaned/<node-id>-<UTC time>} with a warning.
     * Called once at start, before the reconciler runs.
     */
    public void reapOrphans() {
        Set<String> known = store.allIds();
        String prefix = nodesDir + "/";
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(ProcessHandle::isAlive).forEach(ph -> ph.info().arguments().ifPresent(args -> {
                for (String a : args) {
                    if (a.startsWith(prefix) && a.endsWith("/data")) {
                        String nodeId = Path.of(a).getParent().getFileName().toString();
                        if (!known.contains(nodeId)) {
                            LOG.warn("killing orphaned node process {} ({})", ph.pid(), a);
                            kill(ph);
                        }
                    }
                }
            }));
        }
        if (Files.isDirectory(nodesDir)) {
            try (Stream<Path> dirs = Files.list(nodesDir)) {
                for (Path d : dirs.filter(d -> !known.contains(d.getFileName().toString())).toList()) {
                    quarantine(d);
                }
            } catch (IOException e) {
                LOG.warn("cannot scan {}", nodesDir, e);
            }
        }
    }

    private void quarantine(Path nodeDir) {
        Path target = quarantineDir.resolve(nodeDir.getFileName() + "-" + QUARANTINE_STAMP.format(Instant.now()));
        try {
            Files.createDirectories(quarantineDir);
            Files.move(nodeDir, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("node directory {} belongs to no node in the database: moved to {}; delete it by hand once "
                    + "you are sure its data is not needed", nodeDir, target);
        } catch (IOException e) {
            LOG.warn("node directory {} belongs to no node in the database and could not be moved to {}: left in "
                    + "place", nodeDir, target, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Stops watching; node processes keep running (see the class comment). */
    @Override
    public void close() {
        closed = true;
    }
}
