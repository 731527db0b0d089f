package dev.s3aas.controlplane.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceRepository;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.provision.Provisioner.NodeSpec;
import dev.s3aas.controlplane.provision.Provisioner.NodeStatus;
import dev.s3aas.controlplane.provision.Provisioner.ProvisionedNode;
import dev.s3aas.controlplane.testing.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node processes for real, with a fake node program launched through {@link NodeLauncher}. */
class LocalProcessProvisionerTest {
    static final NodeLauncher FAKE = NodeLauncher.currentJvm(FakeNodeMain.class.getName());

    @TempDir
    Path tmp;

    Database db;
    NodeStore store;
    PortRange ports;
    Set<String> exits = ConcurrentHashMap.newKeySet();
    LocalProcessProvisioner provisioner;
    String instanceId;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.SQLITE.open(tmp);
        store = new NodeStore(db, Clock.systemUTC());
        int base;
        try (ServerSocket s = new ServerSocket(0)) {
            base = s.getLocalPort();
        }
        ports = new PortRange(base, Math.min(base + 20, 65535));
        provisioner = new LocalProcessProvisioner(store, tmp, ports, FAKE, exits::add);
        instanceId = seedInstance();
    }

    @AfterEach
    void tearDown() throws Exception {
        provisioner.deprovision(instanceId);
        provisioner.close();
        db.close();
    }

    private String seedInstance() {
        Project p = new Project(Ids.newId(), "p", "", 1, 1);
        Instance i = new Instance(Ids.newId(), p.uuid(), "local", "", "00000000-0000-4000-8000-000000000001", "0.0.1", null, null,
                null, Instance.Encryption.NONE, false, false, 1, 1024, 10, 1, InstanceStatus.PENDING, "", "root", "v1:x",
                1, 0, 1, 1);
        db.writeVoid(h -> {
            new IamRepository().insertProject(h, p);
            new InstanceRepository().insert(h, i);
        });
        return i.uuid();
    }

    private NodeSpec spec(int n) {
        return new NodeSpec(instanceId, n, "0.0.1", "the-root", "root-secret-123", "arn:s3aas:iam::x:mfa/root",
                "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    }

    /** Calls provision until every node is RUNNING (as the reconciler's requeue would). */
    private List<ProvisionedNode> provisionUntilRunning(LocalProcessProvisioner p, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ProvisionedNode> nodes;
        do {
            nodes = p.provision(spec(n));
            if (nodes.stream().allMatch(x -> x.status() == NodeStatus.RUNNING)) {
                return nodes;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("nodes did not become healthy: " + nodes);
    }

    private ProcessHandle process(String nodeId) {
        Long pid = store.list(instanceId).stream().filter(r -> r.uuid().equals(nodeId)).findFirst().orElseThrow().pid();
        return ProcessHandle.of(pid).orElseThrow();
    }

    @Test
    void startsHealthChecksAndRecordsNodes() throws Exception {
        List<ProvisionedNode> nodes = provisionUntilRunning(provisioner, 2);
        assertThat(nodes).hasSize(2);
        assertThat(nodes).extracting(ProvisionedNode::port).allMatch(p -> p >= ports.first() && p <= ports.last())
                .doesNotHaveDuplicates();
        NodeStore.NodeRecord row = store.list(instanceId).get(0);
        assertThat(row.pid()).isNotNull();
        assertThat(row.status()).isEqualTo("RUNNING");
        Path nodeDir = Path.of(row.dataDir()).getParent();
        assertThat(nodeDir).isEqualTo(tmp.resolve("nodes").resolve(row.uuid()).toAbsolutePath());
        assertThat(Files.readString(Path.of(row.dataDir(), "root-user"))).isEqualTo("the-root");
        assertThat(Files.readAllLines(Path.of(row.dataDir(), "env-names"))).as("nothing but the allowlist")
                .isSubsetOf(allowedEnvironment()).contains("CLASSPATH", "S3AAS_ROOT_USER", "S3AAS_ROOT_PASSWORD",
                        "S3AAS_ROOT_MFA_SERIAL", "S3AAS_ROOT_MFA_SECRET", "MALLOC_ARENA_MAX");
        assertThat(Files.readAllLines(Path.of(row.dataDir(), "jvm-args"))).contains("--enable-native-access=ALL-UNNAMED");
        assertThat(Files.readString(nodeDir.resolve("node.log"))).contains("fake node serving");
        assertThat(provisioner.observe(instanceId)).extracting(ProvisionedNode::status).containsOnly(NodeStatus.RUNNING);

        assertThat(provisionUntilRunning(provisioner, 1)).hasSize(1);
        assertThat(store.list(instanceId)).hasSize(1);
    }

    private static Set<String> allowedEnvironment() {
        Set<String> allowed = new java.util.HashSet<>(NodeLauncher.INHERITED);
        allowed.addAll(List.of("CLASSPATH", "S3AAS_ROOT_USER", "S3AAS_ROOT_PASSWORD", "S3AAS_ROOT_MFA_SERIAL",
                "S3AAS_ROOT_MFA_SECRET"));
        return allowed;
    }

    @Test
    void restartsANodeKilledWithSigkill() throws Exception {
        ProvisionedNode node = provisionUntilRunning(provisioner, 1).get(0);
        ProcessHandle first = process(node.id());
        first.destroyForcibly();
        first.onExit().get();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!exits.contains(instanceId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(exits).as("the reconciler is told at once").contains(instanceId);
        assertThat(provisioner.observe(instanceId).get(0).status()).isEqualTo(NodeStatus.STOPPED);
        ProvisionedNode again = provisionUntilRunning(provisioner, 1).get(0);
        assertThat(again.id()).isEqualTo(node.id());
        assertThat(again.port()).isEqualTo(node.port());
        assertThat(process(node.id()).pid()).isNotEqualTo(first.pid());
    }

    @Test
    void aRestartedControlPlaneAdoptsRunningNodes() throws Exception {
        ProvisionedNode node = provisionUntilRunning(provisioner, 1).get(0);
        long pid = process(node.id()).pid();
        provisioner.close();
        Set<String> restartedExits = ConcurrentHashMap.newKeySet();
        LocalProcessProvisioner restarted = new LocalProcessProvisioner(store, tmp, ports, FAKE, restartedExits::add);
        provisioner = restarted;
        restarted.reapOrphans();
        List<ProvisionedNode> nodes = restarted.provision(spec(1));
        assertThat(nodes.get(0).status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(process(node.id()).pid()).as("no duplicate process").isEqualTo(pid);
        restarted.provision(spec(1));

        ProcessHandle adopted = process(node.id());
        adopted.destroyForcibly();
        adopted.onExit().get();
        awaitExit(restartedExits);
        assertThat(restartedExits).as("an adopted node's death is reported too").containsExactly(instanceId);
    }

    private void awaitExit(Set<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!seen.contains(instanceId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void deprovisionKillsTheProcessAndRemovesItsData() throws Exception {
        ProvisionedNode node = provisionUntilRunning(provisioner, 1).get(0);
        ProcessHandle ph = process(node.id());
        Path nodeDir = tmp.resolve("nodes").resolve(node.id());
        provisioner.deprovision(instanceId);
        assertThat(ph.isAlive()).isFalse();
        assertThat(nodeDir).doesNotExist();
        assertThat(store.list(instanceId)).isEmpty();
        Thread.sleep(200);
        assertThat(exits).as("a deliberate stop is not a crash").isEmpty();
    }

    @Test
    void orphanedNodesAreStoppedAndTheirDataQuarantinedNeverDeleted() throws Exception {
        ProvisionedNode node = provisionUntilRunning(provisioner, 1).get(0);
        ProcessHandle ph = process(node.id());
        store.delete(node.id());
        new LocalProcessProvisioner(store, tmp, ports, FAKE, exits::add).reapOrphans();
        assertThat(ph.isAlive()).isFalse();
        assertThat(tmp.resolve("nodes").resolve(node.id())).doesNotExist();
        List<Path> quarantined;
        try (var dirs = Files.list(tmp.resolve("orphaned"))) {
            quarantined = dirs.toList();
        }
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.get(0).getFileName().toString()).startsWith(node.id() + "-");
        assertThat(Files.readString(quarantined.get(0).resolve("data").resolve("root-user"))).isEqualTo("the-root");
    }
}
