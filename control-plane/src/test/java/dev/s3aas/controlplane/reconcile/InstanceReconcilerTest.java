package dev.s3aas.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.accesskey.AccessKey;
import dev.s3aas.controlplane.accesskey.AccessKeyRepository;
import dev.s3aas.controlplane.attachment.AttachmentRepository;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.bucket.BucketName;
import dev.s3aas.controlplane.bucket.BucketRepository;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceRepository;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.policy.PolicyDocument;
import dev.s3aas.controlplane.policy.PolicyRepository;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.provision.Provisioner.NodeStatus;
import dev.s3aas.controlplane.testing.FakeNode;
import dev.s3aas.controlplane.testing.FakeProvisioner;
import dev.s3aas.controlplane.testing.MutableClock;
import dev.s3aas.controlplane.testing.TestDatabases;
import dev.s3aas.controlplane.user.S3User;
import dev.s3aas.controlplane.user.UserRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconcile of one instance against a fake provisioner and an in-memory fake node. */
class InstanceReconcilerTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}";

    @TempDir
    Path tmp;

    Database db;
    SecretBox secrets = new SecretBox(new byte[32]);
    NodeStore store;
    FakeProvisioner provisioner;
    FakeNode.Cluster cluster = new FakeNode.Cluster();
    InstanceReconciler reconciler;
    InstanceRepository instances = new InstanceRepository();
    Instance inst;
    AccessKey key;

    @BeforeEach
    void setUp() {
        db = TestDatabases.SQLITE.open(tmp);
        store = new NodeStore(db, Clock.systemUTC());
        provisioner = new FakeProvisioner(store);
        reconciler = new InstanceReconciler(db, provisioner, cluster, secrets, Clock.systemUTC());
        inst = seedInstance();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Instance seedInstance() {
        Project p = new Project(Ids.newId(), "p", "", 1, 1);
        Instance i = new Instance(Ids.newId(), p.uuid(), "rec", "", "00000000-0000-4000-8000-000000000001", "0.0.1", null, null,
                "data", Instance.Encryption.AES256, true, false, 1, 1024, 10, 1, InstanceStatus.PENDING, "", "root",
                secrets.encrypt("root-secret"), 1, 0, 1, 1);
        S3User user = new S3User(Ids.newId(), i.uuid(), "app", "", "ACTIVE", 1, 1);
        Policy policy = new Policy(Ids.newId(), i.uuid(), "all", PolicyDocument.parse(new com.fasterxml.jackson.databind
                .node.TextNode(POLICY)), "PENDING", "", 1, 1);
        key = new AccessKey(Ids.newId(), i.uuid(), user.uuid(), "app", "AKIAAAAAAAAAAAAAAAA1", secrets.encrypt("key-secret-1"),
                "", "ACTIVE", null, 1, 1);
        db.writeVoid(h -> {
            new IamRepository().insertProject(h, p);
            instances.insert(h, i);
            new BucketRepository().insert(h, new Bucket(Ids.newId(), i.uuid(), new BucketName("data"), true, false, 100,
                    true, null, null, "PENDING", "", 1, 1));
            new UserRepository().insert(h, user);
            new PolicyRepository().insert(h, policy);
            new AccessKeyRepository().insert(h, key);
            new AttachmentRepository().insert(h, Ids.newId(), i.uuid(), user.uuid(), policy.uuid(), 1);
        });
        return i;
    }

    private Instance reload() {
        return db.read(h -> instances.find(h, inst.uuid())).orElse(null);
    }

    private FakeNode node() {
        NodeStore.NodeRecord n = store.list(inst.uuid()).get(0);
        return cluster.node(n.ip(), n.port());
    }

    @Test
    void convergesAndRecordsActive() {
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        Instance after = reload();
        assertThat(after.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(after.observedGeneration()).isEqualTo(after.generation());
        FakeNode node = node();
        assertThat(node.buckets.get("data").versioning).isTrue();
        assertThat(node.buckets.get("data").encrypted).isTrue();
        assertThat(node.buckets.get("data").publicRead).isTrue();
        assertThat(node.buckets.get("data").quota).isEqualTo(100);
        assertThat(node.policies).containsKey("cp-all");
        assertThat(node.users.get(key.accessKey())).isEqualTo(new FakeNode.User("key-secret-1", true, List.of("cp-all")));
        assertThat(db.read(h -> new BucketRepository().find(h, inst.uuid(), "data")).orElseThrow().status())
                .isEqualTo("ACTIVE");
    }

    /** mfa_delete turns MFA delete on for versioned buckets with a code of the instance's device, and off again. */
    @Test
    void mfaDeleteFollowsTheInstanceOnVersionedBuckets() {
        db.writeVoid(h -> {
            h.execute("UPDATE instances SET mfa_delete = ? WHERE uuid = ?", true, inst.uuid());
            new BucketRepository().insert(h, new Bucket(Ids.newId(), inst.uuid(), new BucketName("plain"), false,
                    false, 0, false, null, null, "PENDING", "", 1, 1));
        });
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        FakeNode node = node();
        assertThat(node.buckets.get("data").mfaDelete).isTrue();
        assertThat(node.buckets.get("plain").mfaDelete).as("MFA delete guards versions only").isFalse();
        var device = new dev.s3aas.controlplane.instance.InstanceMfa(db, instances, secrets).device(inst.uuid())
                .orElseThrow();
        String[] mfa = node.buckets.get("data").lastMfa.split(" ");
        assertThat(mfa[0]).isEqualTo(device.serial());
        assertThat(dev.s3aas.common.mfa.Totp.matchingStep(dev.s3aas.common.mfa.Base32.decode(device.secretBase32()),
                mfa[1], java.time.Instant.now())).isNotNegative();

        db.writeVoid(h -> h.execute("UPDATE instances SET mfa_delete = ? WHERE uuid = ?", false, inst.uuid()));
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(node.buckets.get("data").mfaDelete).isFalse();
        assertThat(node.buckets.get("data").versioning).isTrue();
    }

    @Test
    void repairsDriftMadeBehindItsBack() {
        reconciler.reconcile(inst.uuid());
        FakeNode node = node();
        node.buckets.remove("data");
        node.users.remove(key.accessKey());
        node.users.put("INTRUDER", new FakeNode.User("x", true, List.of()));
        node.policies.put("cp-stale", "{}");
        node.buckets.put("unknown-empty", newBucket());
        FakeNode.BucketState full = newBucket();
        full.objects = 1;
        node.buckets.put("unknown-full", full);

        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(node.buckets).containsKeys("data", "unknown-full").doesNotContainKey("unknown-empty");
        assertThat(node.users).containsKey(key.accessKey()).doesNotContainKey("INTRUDER");
        assertThat(node.users.get(key.accessKey()).policies()).containsExactly("cp-all");
        assertThat(node.policies).doesNotContainKey("cp-stale").containsKeys("readwrite", "cp-all");
    }

    private static FakeNode.BucketState newBucket() {
        FakeNode scratch = new FakeNode();
        try (var c = scratch.client()) {
            c.ensureBucket("b", false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return scratch.buckets.get("b");
    }

    @Test
    void aKeysSecretIsSentOnlyWhenTheKeyChanged() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        InstanceReconciler rec = new InstanceReconciler(db, provisioner, cluster, secrets, clock);
        rec.reconcile(inst.uuid());
        FakeNode node = node();
        assertThat(node.userWrites).isEqualTo(1);
        rec.reconcile(inst.uuid());
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).as("unchanged key: no secret re-sent").isEqualTo(1);

        node.users.remove(key.accessKey());
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).as("user missing on the node").isEqualTo(2);
        assertThat(node.users.get(key.accessKey())).isEqualTo(new FakeNode.User("key-secret-1", true, List.of("cp-all")));

        node.users.put(key.accessKey(), new FakeNode.User("changed-behind-our-back", false, List.of("cp-all")));
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).as("status differs on the node").isEqualTo(3);

        AccessKey disabled = new AccessKey(key.uuid(), key.instanceId(), key.userId(), key.userName(), key.accessKey(),
                key.secretSealed(), "", "INACTIVE", null, key.createdAt(), key.updatedAt() + 1);
        db.writeVoid(h -> new AccessKeyRepository().update(h, disabled, key.updatedAt()));
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).as("key changed in the database").isEqualTo(4);
        assertThat(node.users.get(key.accessKey()).enabled()).isFalse();

        node.users.put(key.accessKey(), new FakeNode.User("changed-behind-our-back", false, List.of("cp-all")));
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).isEqualTo(4);
        clock.advance(AppliedUsers.RESEND_AFTER);
        rec.reconcile(inst.uuid());
        assertThat(node.userWrites).as("a secret changed on the node is repaired after a while").isEqualTo(5);
        assertThat(node.users.get(key.accessKey()).secret()).isEqualTo("key-secret-1");

        new InstanceReconciler(db, provisioner, cluster, secrets, clock).reconcile(inst.uuid());
        assertThat(node.userWrites).as("a restarted control plane sends everything once").isEqualTo(6);
    }

    @Test
    void aKeyAboutToExpireBringsTheInstanceBackAtThatMomentAndIsThenDisabled() {
        MutableClock clock = new MutableClock(java.time.Instant.now());
        InstanceReconciler rec = new InstanceReconciler(db, provisioner, cluster, secrets, clock);
        long far = clock.millis() + java.time.Duration.ofHours(2).toMillis();
        AccessKey later = new AccessKey(key.uuid(), key.instanceId(), key.userId(), key.userName(), key.accessKey(),
                key.secretSealed(), "", "ACTIVE", far, key.createdAt(), key.updatedAt() + 1);
        db.writeVoid(h -> new AccessKeyRepository().update(h, later, key.updatedAt()));
        assertThat(rec.reconcile(inst.uuid())).as("expiry beyond the horizon: the resync will see it")
                .isEqualTo(new ReconcileResult.Done());

        long soon = clock.millis() + 10_000;
        AccessKey expiring = new AccessKey(key.uuid(), key.instanceId(), key.userId(), key.userName(), key.accessKey(),
                key.secretSealed(), "", "ACTIVE", soon, key.createdAt(), key.updatedAt() + 2);
        db.writeVoid(h -> new AccessKeyRepository().update(h, expiring, later.updatedAt()));
        assertThat(rec.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.RequeueAfter(java.time.Duration.ofMillis(10_001)));
        assertThat(node().users.get(key.accessKey()).enabled()).isTrue();
        clock.advance(java.time.Duration.ofMillis(10_001));
        assertThat(rec.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(node().users.get(key.accessKey()).enabled()).as("expired").isFalse();
    }

    @Test
    void nodeErrorsAreRecordedAndRetried() {
        reconciler.reconcile(inst.uuid());
        node().rejectWith = "disk full";
        db.writeVoid(h -> instances.bumpGeneration(h, inst.uuid()));
        ReconcileResult r = reconciler.reconcile(inst.uuid());
        assertThat(r).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        Instance failed = reload();
        assertThat(failed.status()).isEqualTo(InstanceStatus.ERROR);
        assertThat(failed.statusReason()).contains("disk full");
        assertThat(failed.observedGeneration()).isLessThan(failed.generation());
        assertThat(db.read(h -> new BucketRepository().find(h, inst.uuid(), "data")).orElseThrow().statusReason())
                .contains("disk full");

        node().rejectWith = null;
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(reload().status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(reload().statusReason()).isEmpty();
    }

    @Test
    void unreachableNodeAndProvisioningFailuresAreErrors() {
        reconciler.reconcile(inst.uuid());
        node().unreachable = true;
        assertThat(reconciler.reconcile(inst.uuid())).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        assertThat(reload().statusReason()).contains("connection refused");
        node().unreachable = false;
        provisioner.failWith = "no capacity";
        assertThat(reconciler.reconcile(inst.uuid())).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        assertThat(reload().status()).isEqualTo(InstanceStatus.ERROR);
        assertThat(reload().statusReason()).isEqualTo("no capacity");
    }

    @Test
    void revocationsReachHealthyNodesWhileAnotherIsDown() {
        db.writeVoid(h -> h.createUpdate("UPDATE instances SET nodes_number = 2 WHERE uuid = :u")
                .bind("u", inst.uuid()).execute());
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        List<NodeStore.NodeRecord> rows = store.list(inst.uuid());
        assertThat(rows).hasSize(2);
        FakeNode down = cluster.node(rows.get(0).ip(), rows.get(0).port());
        FakeNode healthy = cluster.node(rows.get(1).ip(), rows.get(1).port());
        assertThat(healthy.users).containsKey(key.accessKey());

        down.unreachable = true;
        db.writeVoid(h -> {
            new AccessKeyRepository().delete(h, key.uuid());
            instances.bumpGeneration(h, inst.uuid());
        });
        assertThat(reconciler.reconcile(inst.uuid())).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        assertThat(healthy.users).as("revoked on the node that answers").doesNotContainKey(key.accessKey());
        assertThat(reload().status()).isEqualTo(InstanceStatus.ERROR);
        assertThat(reload().statusReason()).contains(rows.get(0).uuid()).contains("connection refused");

        down.unreachable = false;
        provisioner.forced.put(0, NodeStatus.FAILED);
        healthy.users.put("AKIALEAKED0000000001", new FakeNode.User("leaked-secret", true, List.of()));
        assertThat(reconciler.reconcile(inst.uuid())).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        assertThat(healthy.users).as("synced though node 0 failed").doesNotContainKey("AKIALEAKED0000000001");
        assertThat(reload().statusReason()).contains("node " + rows.get(0).uuid() + " failed: forced");

        provisioner.forced.clear();
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(down.users).doesNotContainKey(key.accessKey());
        assertThat(reload().status()).isEqualTo(InstanceStatus.ACTIVE);
    }

    @Test
    void deletionIsAFinalizer() {
        reconciler.reconcile(inst.uuid());
        provisioner.failWith = "cannot stop";
        db.writeVoid(h -> instances.markDeleting(h, inst.uuid(), 2));
        assertThat(reconciler.reconcile(inst.uuid())).isInstanceOf(ReconcileResult.RetryWithBackoff.class);
        assertThat(reload()).isNotNull();
        assertThat(reload().status()).isEqualTo(InstanceStatus.DELETING);
        assertThat(reload().statusReason()).isEqualTo("cannot stop");
        provisioner.failWith = null;
        assertThat(reconciler.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(reload()).isNull();
        assertThat(provisioner.deprovisioned).contains(inst.uuid());
        assertThat(store.list(inst.uuid())).isEmpty();
    }

    @Test
    void aRestartedReconcilerConvergesWithoutDuplicatingNodes() {
        reconciler.reconcile(inst.uuid());
        assertThat(provisioner.nodesCreated).hasValue(1);
        FakeProvisioner second = new FakeProvisioner(store);
        InstanceReconciler restarted = new InstanceReconciler(db, second, cluster, secrets, Clock.systemUTC());
        assertThat(restarted.reconcile(inst.uuid())).isEqualTo(new ReconcileResult.Done());
        assertThat(second.nodesCreated).hasValue(0);
        assertThat(store.list(inst.uuid())).hasSize(1);
    }

    @Test
    void controllerRetriesWithBackoffUntilTheNodeRecovers() throws Exception {
        try (ReconcileController controller = new ReconcileController(db, reconciler, Duration.ofMinutes(10),
                Duration.ofMillis(20), Duration.ofMillis(100), ReconcileController.Observer.NONE)) {
            controller.start(2);
            awaitStatus(InstanceStatus.ACTIVE);
            FakeNode node = node();
            node.rejectWith = "flaky";
            int before = node.calls;
            controller.instanceChanged(inst.uuid());
            awaitStatus(InstanceStatus.ERROR);
            Thread.sleep(400);
            assertThat(node.calls - before).as("retried several times").isGreaterThan(5);
            node.rejectWith = null;
            awaitStatus(InstanceStatus.ACTIVE);
        }
    }

    private void awaitStatus(InstanceStatus want) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Instance i = reload();
            if (i != null && i.status() == want) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("instance did not reach " + want + ": " + reload());
    }
}
