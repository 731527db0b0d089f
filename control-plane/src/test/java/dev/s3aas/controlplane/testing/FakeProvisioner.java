package dev.s3aas.controlplane.testing;

import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.NodeStore.NodeRecord;
import dev.s3aas.controlplane.provision.Provisioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provisioner that "runs" nodes instantly: it records node rows in the {@link NodeStore} like
 * the real one (so a second instance over the same database sees them) and reports them RUNNING.
 */
public final class FakeProvisioner implements Provisioner {
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(20000);

    private final NodeStore store;
    public final Set<String> deprovisioned = ConcurrentHashMap.newKeySet();
    public final AtomicInteger nodesCreated = new AtomicInteger();
    /** When set, provision fails with this message. */
    public volatile String failWith;
    /** Node ordinals to report with another status than RUNNING (FAILED ones with detail "forced"). */
    public final Map<Integer, NodeStatus> forced = new ConcurrentHashMap<>();

    public FakeProvisioner(NodeStore store) {
        this.store = store;
    }

    @Override
    public List<ProvisionedNode> provision(NodeSpec spec) throws ProvisionException {
        if (failWith != null) {
            throw new ProvisionException(failWith, null);
        }
        List<NodeRecord> rows = new ArrayList<>(store.list(spec.instanceId()));
        for (NodeRecord r : List.copyOf(rows)) {
            if (r.ordinal() >= spec.nodesNumber()) {
                store.delete(r.uuid());
                rows.remove(r);
            }
        }
        for (int o = 0; o < spec.nodesNumber(); o++) {
            int ordinal = o;
            if (rows.stream().noneMatch(r -> r.ordinal() == ordinal)) {
                NodeRecord r = new NodeRecord(Ids.newId(), spec.instanceId(), o, "127.0.0.1", NEXT_PORT.getAndIncrement(),
                        null, "/fake/" + o, NodeStatus.RUNNING.name());
                store.insert(r);
                rows.add(r);
                nodesCreated.incrementAndGet();
            }
        }
        return rows.stream().sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                .map(r -> new ProvisionedNode(r.uuid(), r.ip(), r.port(), forced.getOrDefault(r.ordinal(), NodeStatus.RUNNING),
                        forced.containsKey(r.ordinal()) ? "forced" : "")).toList();
    }

    @Override
    public List<ProvisionedNode> observe(String instanceId) {
        return store.list(instanceId).stream()
                .map(r -> new ProvisionedNode(r.uuid(), r.ip(), r.port(), NodeStatus.RUNNING, "")).toList();
    }

    @Override
    public void deprovision(String instanceId) throws ProvisionException {
        if (failWith != null) {
            throw new ProvisionException(failWith, null);
        }
        for (NodeRecord r : store.list(instanceId)) {
            store.delete(r.uuid());
        }
        deprovisioned.add(instanceId);
    }

    @Override
    public void close() {
    }
}
