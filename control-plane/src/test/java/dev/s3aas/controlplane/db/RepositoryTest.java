package dev.s3aas.controlplane.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.controlplane.accesskey.AccessKey;
import dev.s3aas.controlplane.accesskey.AccessKeyRepository;
import dev.s3aas.controlplane.api.IdempotencyStore;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.attachment.AttachmentRepository;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.bucket.BucketName;
import dev.s3aas.controlplane.bucket.BucketRepository;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.iam.IamRecords.IamUser;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRecords.RoleBinding;
import dev.s3aas.controlplane.iam.IamRepository;
import dev.s3aas.controlplane.iam.Role;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceRepository;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.policy.PolicyDocument;
import dev.s3aas.controlplane.policy.PolicyRepository;
import dev.s3aas.controlplane.provision.NodeStore;
import dev.s3aas.controlplane.testing.TestDatabases;
import dev.s3aas.controlplane.user.S3User;
import dev.s3aas.controlplane.user.UserRepository;
import dev.s3aas.controlplane.version.VersionRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repositories and migrations, on SQLite and on a real PostgreSQL. */
class RepositoryTest {
    @TempDir
    Path tmp;

    private final IamRepository iam = new IamRepository();
    private final InstanceRepository instances = new InstanceRepository();
    private final BucketRepository buckets = new BucketRepository();
    private final UserRepository users = new UserRepository();
    private final PolicyRepository policies = new PolicyRepository();
    private final AttachmentRepository attachments = new AttachmentRepository();
    private final AccessKeyRepository keys = new AccessKeyRepository();

    private static Instance instance(String project, String name, long at) {
        return new Instance(Ids.newId(), project, name, "", "00000000-0000-4000-8000-000000000001", "0.0.1", null, null, null,
                Instance.Encryption.NONE, false, false, 1, 1024, 10, 1, InstanceStatus.PENDING, "", "root", "v1:x",
                1, 0, at, at);
    }

    private String project(Database db) {
        Project p = new Project(Ids.newId(), "p" + System.nanoTime(), "", 1, 1);
        db.writeVoid(h -> iam.insertProject(h, p));
        return p.uuid();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void migrationsSeedTheBuiltInVersion(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            var r1 = db.read(h -> new VersionRepository().newest(h));
            assertThat(r1).get()
                    .satisfies(v -> assertThat(v.name()).isEqualTo("0.0.1"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void iamUsersProjectsBindingsAndRefreshTokens(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            IamUser u = new IamUser(Ids.newId(), "alice", "hash", false, "ACTIVE", 1, 1);
            db.writeVoid(h -> iam.insertUser(h, u));
            String project = project(db);
            db.writeVoid(h -> iam.insertBinding(h, new RoleBinding(Ids.newId(), u.uuid(), project, Role.VIEWER, 1, 1)));
            var r2 = db.read(h -> iam.rolesOf(h, u.uuid()));
            assertThat(r2).containsEntry(project, Role.VIEWER);
            assertThatThrownBy(() -> db.writeVoid(h -> iam.insertUser(h, new IamUser(Ids.newId(), "alice", "h", false,
                    "ACTIVE", 1, 1)))).satisfies(e -> assertThat(DbErrors.isUniqueViolation(e)).isTrue());

            db.writeVoid(h -> iam.insertRefresh(h, "hash1", new IamRepository.RefreshGrant(u.uuid(), project, 99), 1));
            var r3 = db.write(h -> iam.consumeRefresh(h, "hash1"));
            assertThat(r3).get()
                    .satisfies(g -> assertThat(g.projectId()).isEqualTo(project));
            var r4 = db.write(h -> iam.consumeRefresh(h, "hash1"));
            assertThat(r4).isEmpty();
        }
    }

    /**
     * Two refreshes with the same token on PostgreSQL: both transactions read the row, the second
     * DELETE waits for the first to commit and removes nothing, so only the first gets the grant.
     */
    @Test
    void aRefreshTokenIsConsumedOnceEvenByConcurrentTransactions() throws Exception {
        try (Database db = TestDatabases.POSTGRES.open(tmp);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            IamUser u = new IamUser(Ids.newId(), "carol", "hash", false, "ACTIVE", 1, 1);
            db.writeVoid(h -> {
                iam.insertUser(h, u);
                iam.insertRefresh(h, "once", new IamRepository.RefreshGrant(u.uuid(), null, Long.MAX_VALUE), 1);
            });
            CountDownLatch firstConsumed = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);
            CompletableFuture<Optional<IamRepository.RefreshGrant>> first = CompletableFuture.supplyAsync(
                    () -> db.write(h -> {
                        Optional<IamRepository.RefreshGrant> g = iam.consumeRefresh(h, "once");
                        firstConsumed.countDown();
                        await(secondStarted);
                        // Let the second transaction read the row and block on its DELETE.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
                        return g;
                    }), threads);
            await(firstConsumed);
            CompletableFuture<Optional<IamRepository.RefreshGrant>> second = CompletableFuture.supplyAsync(
                    () -> db.write(h -> {
                        secondStarted.countDown();
                        return iam.consumeRefresh(h, "once");
                    }), threads);
            assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void instancesPageByCreationTimeAndFilterByNameAndStatus(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            String project = project(db);
            for (int i = 0; i < 5; i++) {
                Instance inst = instance(project, "i" + i, 100 + i);
                db.writeVoid(h -> instances.insert(h, inst));
            }
            Page<Instance> first = db.read(h -> instances.list(h, Set.of(project), new PageRequest(2, null, null, null)));
            assertThat(first.items()).extracting(Instance::name).containsExactly("i0", "i1");
            Page<Instance> second = db.read(h -> instances.list(h, Set.of(project),
                    new PageRequest(2, first.nextMarker(), null, null)));
            assertThat(second.items()).extracting(Instance::name).containsExactly("i2", "i3");
            Page<Instance> last = db.read(h -> instances.list(h, Set.of(project),
                    new PageRequest(2, second.nextMarker(), null, null)));
            assertThat(last.items()).extracting(Instance::name).containsExactly("i4");
            assertThat(last.nextMarker()).isNull();
            var r5 = db.read(h -> instances.list(h, null, new PageRequest(10, null, "i3", null))).items();
            assertThat(r5).hasSize(1);
            var r6 = db.read(h -> instances.list(h, Set.of("other"), new PageRequest(10, null, null, null))).items();
            assertThat(r6).isEmpty();
            var r7 = db.read(h -> instances.list(h, null, new PageRequest(10, null, null, "ACTIVE"))).items();
            assertThat(r7).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void statusWritesNeverUndoDeletingAndGenerationsCount(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            Instance inst = instance(project(db), "gen", 1);
            db.writeVoid(h -> instances.insert(h, inst));
            assertThat(db.<Boolean>write(h -> instances.bumpGeneration(h, inst.uuid()))).isTrue();
            db.writeVoid(h -> instances.recordStatus(h, inst.uuid(), InstanceStatus.ACTIVE, "", 2L));
            Instance active = db.read(h -> instances.find(h, inst.uuid())).orElseThrow();
            assertThat(active.generation()).isEqualTo(2);
            assertThat(active.observedGeneration()).isEqualTo(2);
            db.writeVoid(h -> instances.markDeleting(h, inst.uuid(), 5));
            db.writeVoid(h -> instances.recordStatus(h, inst.uuid(), InstanceStatus.ACTIVE, "", 3L));
            var r8 = db.read(h -> instances.find(h, inst.uuid())).orElseThrow().status();
            assertThat(r8).isEqualTo(InstanceStatus.DELETING);
            // A child write racing the delete finds nothing to bump, so it rolls back instead of landing after it.
            assertThat(db.<Boolean>write(h -> instances.bumpGeneration(h, inst.uuid()))).isFalse();
            assertThat(db.read(h -> instances.find(h, inst.uuid())).orElseThrow().generation()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void childResourcesCascadeWithTheirInstance(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            Instance inst = instance(project(db), "kids", 1);
            S3User user = new S3User(Ids.newId(), inst.uuid(), "bob", "", "ACTIVE", 1, 1);
            Policy policy = new Policy(Ids.newId(), inst.uuid(), "ro", new PolicyDocument("{}"), "PENDING", "", 1, 1);
            AccessKey key = new AccessKey(Ids.newId(), inst.uuid(), user.uuid(), "bob", "AKIAAAAAAAAAAAAAAAAA", "v1:s",
                    "", "ACTIVE", null, 1, 1);
            Bucket bucket = new Bucket(Ids.newId(), inst.uuid(), new BucketName("data"), true, true, 0, false,
                    Bucket.RetentionMode.GOVERNANCE, 7, "PENDING", "", 1, 1);
            db.writeVoid(h -> {
                instances.insert(h, inst);
                users.insert(h, user);
                policies.insert(h, policy);
                keys.insert(h, key);
                buckets.insert(h, bucket);
                attachments.insert(h, Ids.newId(), inst.uuid(), user.uuid(), policy.uuid(), 1);
            });
            var r9 = db.read(h -> attachments.policyNamesByUser(h, inst.uuid()));
            assertThat(r9).containsEntry(user.uuid(), List.of("ro"));
            var r10 = db.read(h -> keys.find(h, user.uuid(), "AKIAAAAAAAAAAAAAAAAA"));
            assertThat(r10).isPresent();
            Optional<Bucket> read = db.read(h -> buckets.find(h, inst.uuid(), "data"));
            assertThat(read).get().satisfies(b -> {
                assertThat(b.retentionDays()).isEqualTo(7);
                assertThat(b.objectLockEnabled()).isTrue();
            });
            db.writeVoid(h -> buckets.recordStatus(h, bucket.uuid(), 1, "ACTIVE", ""));
            var r11 = db.read(h -> buckets.find(h, inst.uuid(), bucket.uuid())).orElseThrow().status();
            assertThat(r11).isEqualTo("ACTIVE");

            db.writeVoid(h -> instances.delete(h, inst.uuid()));
            var r12 = db.read(h -> users.all(h, inst.uuid()));
            assertThat(r12).isEmpty();
            var r13 = db.read(h -> keys.all(h, inst.uuid()));
            assertThat(r13).isEmpty();
            var r14 = db.read(h -> buckets.all(h, inst.uuid()));
            assertThat(r14).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void nodeStore(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            Instance inst = instance(project(db), "nodes", 1);
            db.writeVoid(h -> instances.insert(h, inst));
            NodeStore store = new NodeStore(db, Clock.systemUTC());
            store.insert(new NodeStore.NodeRecord("n1", inst.uuid(), 0, "127.0.0.1", 9100, null, "/d", "STARTING"));
            store.update("n1", 4242L, "RUNNING");
            assertThat(store.list(inst.uuid())).singleElement().satisfies(n -> {
                assertThat(n.pid()).isEqualTo(4242L);
                assertThat(n.status()).isEqualTo("RUNNING");
            });
            assertThat(store.usedPorts()).contains(9100);
            assertThatThrownBy(() -> store.insert(new NodeStore.NodeRecord("n2", inst.uuid(), 1, "127.0.0.1", 9100, null,
                    "/e", "STARTING"))).satisfies(e -> assertThat(DbErrors.isUniqueViolation(e)).isTrue());

        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void idempotencyKeysAreReservedOnceAndStoredSealed(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            SecretBox box = new SecretBox(new byte[32]);
            IdempotencyStore idem = new IdempotencyStore(db, box, Clock.systemUTC());
            assertThat(idem.claim("u", "k", "POST", "/x")).isInstanceOf(IdempotencyStore.Claim.Reserved.class);
            assertThat(idem.claim("u", "k", "POST", "/x")).isEqualTo(new IdempotencyStore.Claim.Busy("POST", "/x"));
            assertThat(idem.claim("v", "k", "POST", "/x")).as("per scope")
                    .isInstanceOf(IdempotencyStore.Claim.Reserved.class);

            idem.complete("u", "k", 201, "{\"secret_key\":\"s3cr3t\"}");
            idem.release("u", "k"); // a completed response is not a reservation: stays
            assertThat(idem.claim("u", "k", "POST", "/x")).isEqualTo(new IdempotencyStore.Claim.Done(
                    new IdempotencyStore.Stored("POST", "/x", 201, "{\"secret_key\":\"s3cr3t\"}")));
            String raw = db.read(h -> h.createQuery("SELECT body FROM idempotency_keys WHERE principal_id = 'u'")
                    .mapTo(String.class).one());
            assertThat(raw).startsWith("v1:").doesNotContain("s3cr3t");

            idem.release("v", "k");
            assertThat(idem.claim("v", "k", "POST", "/x")).as("released: free again")
                    .isInstanceOf(IdempotencyStore.Claim.Reserved.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void abandonedReservationsAndExpiredResponsesAreClaimedAgain(TestDatabases kind) {
        try (Database db = kind.open(tmp)) {
            SecretBox box = new SecretBox(new byte[32]);
            Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
            IdempotencyStore idem = new IdempotencyStore(db, box, Clock.fixed(t0, ZoneOffset.UTC));
            idem.claim("u", "stuck", "POST", "/x");
            idem.claim("u", "done", "POST", "/x");
            idem.complete("u", "done", 201, "{}");
            IdempotencyStore later = new IdempotencyStore(db, box, Clock.fixed(t0.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
            assertThat(later.claim("u", "stuck", "POST", "/x")).isInstanceOf(IdempotencyStore.Claim.Reserved.class);
            assertThat(later.claim("u", "done", "POST", "/x")).isInstanceOf(IdempotencyStore.Claim.Done.class);
            IdempotencyStore nextDay = new IdempotencyStore(db, box, Clock.fixed(t0.plus(Duration.ofHours(25)), ZoneOffset.UTC));
            assertThat(nextDay.claim("u", "done", "POST", "/x")).isInstanceOf(IdempotencyStore.Claim.Reserved.class);
        }
    }
}
