package dev.s3aas.node.iam;

import dev.s3aas.common.policy.CannedPolicies;
import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyValidation;
import dev.s3aas.node.auth.CredentialStore;
import dev.s3aas.node.auth.Grants;
import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.auth.RootCredentials;
import dev.s3aas.node.auth.UserPolicies;
import dev.s3aas.node.storage.MetadataTable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Users, their access keys and named policies: the node's IAM state.
 *
 * <p>Reads (every S3 request: {@link #secretFor}, {@link #policiesOf}) use an immutable in-memory
 * {@link IamState} snapshot. Changes are serialised by a lock, written durably to the {@link MetadataTable}
 * first and then published by swapping the snapshot, so a change is visible to the very next request (a
 * deleted or disabled key is refused at once) and survives a restart once the admin call returned.
 */
public final class IamStore implements CredentialStore, UserPolicies {
    private final MetadataTable table;
    private final RootCredentials root;
    private final Clock clock;
    private final SecretSeal seal;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile IamState state;

    private IamStore(MetadataTable table, RootCredentials root, Clock clock, SecretSeal seal, IamState state) {
        this.table = table;
        this.root = root;
        this.clock = clock;
        this.seal = seal;
        this.state = state;
    }

    /**
     * Loads every user and policy from the table. A stored policy that no longer parses is dropped (logged).
     * Users stored with a plain-text secret (format 1) are re-written sealed, in one commit, and then the old
     * values are purged from RocksDB's files ({@link MetadataTable#purgeOverwritten}), so no secret key stays
     * readable on disk; a crash in between leaves plain-text records, upgraded at the next open. No user is lost:
     * a record is replaced only by its sealed equivalent.
     */
    public static IamStore open(MetadataTable table, RootCredentials root, Clock clock, SecretSeal seal)
            throws IOException {
        Map<String, IamUser> users = new HashMap<>();
        MetadataTable.Batch upgrade = new MetadataTable.Batch();
        for (Map.Entry<String, byte[]> e : table.scan(IamCodec.USER_PREFIX).entrySet()) {
            IamUser u = IamCodec.decodeUser(e.getValue(), seal);
            users.put(u.accessKey(), u);
            if (IamCodec.plaintext(e.getValue())) {
                upgrade.put(e.getKey(), IamCodec.encode(u, seal));
            }
        }
        if (!upgrade.isEmpty()) {
            table.commit(upgrade);
            table.purgeOverwritten();
            org.slf4j.LoggerFactory.getLogger(IamStore.class).info("IAM: sealed the secret keys of {} stored users",
                    upgrade.size());
        }
        Map<String, PolicyInfo> policies = new HashMap<>();
        table.scan(IamCodec.POLICY_PREFIX).values().forEach(v -> {
            IamCodec.StoredPolicy p = IamCodec.decodePolicy(v);
            try {
                policies.put(p.name(), new PolicyInfo(p.name(),
                        PolicyDocument.parse(p.json(), PolicyValidation.forIdentity()), false,
                        Instant.ofEpochMilli(p.createdMillis()), Instant.ofEpochMilli(p.updatedMillis())));
            } catch (MalformedPolicyException e) {
                org.slf4j.LoggerFactory.getLogger(IamStore.class)
                        .error("stored policy {} no longer parses and is ignored: {}", p.name(), e.getMessage());
            }
        });
        return new IamStore(table, root, clock, seal, IamState.of(users, policies));
    }

    // ---- per-request lookups ----

    @Override
    public Optional<String> secretFor(String accessKeyId) {
        if (root.accessKeyId().equals(accessKeyId)) {
            return Optional.of(root.secretKey());
        }
        IamState s = state;
        IamUser u = s.users().get(accessKeyId);
        if (u == null || !s.resolved().containsKey(accessKeyId) || expired(u)) {
            return Optional.empty();
        }
        return Optional.of(u.secretKey());
    }

    private boolean expired(IamUser u) {
        return u.isServiceAccount() && u.serviceAccount().expiredAt(clock.instant());
    }

    @Override
    public Identity identify(String accessKeyId) {
        if (root.accessKeyId().equals(accessKeyId)) {
            return new Identity.Root(accessKeyId);
        }
        // The user name is the access key, as in MinIO: it is what ${aws:username} and Principal match. A
        // service account acts as its parent user.
        IamUser u = state.users().get(accessKeyId);
        String name = u != null && u.isServiceAccount() ? u.serviceAccount().parent() : accessKeyId;
        return new Identity.User(accessKeyId, name);
    }

    @Override
    public Optional<Grants> policiesOf(String accessKeyId) {
        IamState s = state;
        Grants g = s.resolved().get(accessKeyId);
        if (g == null || expired(s.users().get(accessKeyId))) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    // ---- queries ----

    /** A user (not a service account). */
    public Optional<IamUser> user(String accessKey) {
        return Optional.ofNullable(state.users().get(accessKey)).filter(u -> !u.isServiceAccount());
    }

    /** All users (not service accounts), by access key. */
    public List<IamUser> users() {
        return state.users().values().stream().filter(u -> !u.isServiceAccount())
                .sorted(Comparator.comparing(IamUser::accessKey)).toList();
    }

    public Optional<IamUser> serviceAccount(String accessKey) {
        return Optional.ofNullable(state.users().get(accessKey)).filter(IamUser::isServiceAccount);
    }

    /** The service accounts of a user, by access key. */
    public List<IamUser> serviceAccounts(String parent) {
        return state.users().values().stream()
                .filter(u -> u.isServiceAccount() && u.serviceAccount().parent().equals(parent))
                .sorted(Comparator.comparing(IamUser::accessKey)).toList();
    }

    public Optional<PolicyInfo> policy(String name) {
        return Optional.ofNullable(state.policy(name));
    }

    /** Canned policies, then custom ones by name. */
    public List<PolicyInfo> policies() {
        return state.allPolicies();
    }

    /** Access keys of the users a policy is attached to. */
    public List<String> usersWithPolicy(String name) {
        return users().stream().filter(u -> u.policies().contains(name)).map(IamUser::accessKey).toList();
    }

    // ---- changes ----

    /**
     * Creates a user or updates an existing one (MinIO's add-user does both). For an update, a null argument
     * keeps the current value; a new user needs a secret, and is enabled with no policies by default.
     */
    public IamUser putUser(String accessKey, String secretKey, UserStatus status, List<String> policies)
            throws IamException, IOException {
        IamNames.checkAccessKey(accessKey, root.accessKeyId());
        if (secretKey != null) {
            IamNames.checkSecret(secretKey);
        }
        writes.lock();
        try {
            IamState s = state;
            if (policies != null) {
                checkPoliciesExist(s, policies);
            }
            IamUser old = s.users().get(accessKey);
            if (old != null && old.isServiceAccount()) {
                throw new IamException(IamError.INVALID_ARGUMENT, "'" + accessKey + "' is a service account.");
            }
            Instant now = clock.instant();
            IamUser u;
            if (old == null) {
                if (secretKey == null) {
                    throw new IamException(IamError.INVALID_ARGUMENT, "A secret key is required to create a user.");
                }
                u = new IamUser(accessKey, secretKey, status == null ? UserStatus.ENABLED : status,
                        policies == null ? List.of() : dedupe(policies), now, now, null);
            } else {
                u = old.with(secretKey == null ? old.secretKey() : secretKey, status == null ? old.status() : status,
                        policies == null ? old.policies() : dedupe(policies), now);
            }
            return store(s, u);
        } finally {
            writes.unlock();
        }
    }

    /** Removes a user and, in the same commit, its service accounts (as MinIO does). */
    public void removeUser(String accessKey) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            existing(s, accessKey);
            List<String> keys = new ArrayList<>();
            keys.add(accessKey);
            serviceAccounts(accessKey).forEach(a -> keys.add(a.accessKey()));
            MetadataTable.Batch batch = new MetadataTable.Batch();
            keys.forEach(k -> batch.delete(IamCodec.USER_PREFIX + k));
            table.commit(batch);
            state = s.withoutUsers(keys);
        } finally {
            writes.unlock();
        }
    }

    public IamUser setStatus(String accessKey, UserStatus status) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            IamUser old = existing(s, accessKey);
            return store(s, old.with(old.secretKey(), status, old.policies(), clock.instant()));
        } finally {
            writes.unlock();
        }
    }

    /** Replaces the user's policies (MinIO set-user-or-group-policy); an empty list detaches all. */
    public IamUser setPolicies(String accessKey, List<String> names) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            IamUser old = existing(s, accessKey);
            checkPoliciesExist(s, names);
            return store(s, old.with(old.secretKey(), old.status(), dedupe(names), clock.instant()));
        } finally {
            writes.unlock();
        }
    }

    /** Adds policies; returns those that were not attached before. Fails if none was new. */
    public List<String> attach(String accessKey, List<String> names) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            IamUser old = existing(s, accessKey);
            checkPoliciesExist(s, names);
            List<String> added = dedupe(names).stream().filter(n -> !old.policies().contains(n)).toList();
            if (added.isEmpty()) {
                throw new IamException(IamError.POLICY_CHANGE_ALREADY_APPLIED,
                        "The specified policy change is already in effect.");
            }
            List<String> all = new ArrayList<>(old.policies());
            all.addAll(added);
            store(s, old.with(old.secretKey(), old.status(), all, clock.instant()));
            return added;
        } finally {
            writes.unlock();
        }
    }

    /** Removes policies; returns those that were attached. Fails if none was. */
    public List<String> detach(String accessKey, List<String> names) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            IamUser old = existing(s, accessKey);
            List<String> removed = dedupe(names).stream().filter(old.policies()::contains).toList();
            if (removed.isEmpty()) {
                throw new IamException(IamError.POLICY_CHANGE_ALREADY_APPLIED,
                        "The specified policy change is already in effect.");
            }
            List<String> rest = old.policies().stream().filter(p -> !removed.contains(p)).toList();
            store(s, old.with(old.secretKey(), old.status(), rest, clock.instant()));
            return removed;
        } finally {
            writes.unlock();
        }
    }

    /** Creates or replaces a custom policy, validated as an identity policy. */
    public PolicyInfo putPolicy(String name, String json) throws IamException, IOException {
        IamNames.checkPolicyName(name);
        if (CannedPolicies.get(name).isPresent()) {
            throw new IamException(IamError.CANNED_POLICY_READ_ONLY,
                    "'" + name + "' is a built-in policy and cannot be replaced.");
        }
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(json, PolicyValidation.forIdentity());
        } catch (MalformedPolicyException e) {
            throw new IamException(IamError.MALFORMED_POLICY, e.getMessage());
        }
        writes.lock();
        try {
            IamState s = state;
            PolicyInfo old = s.policy(name);
            Instant now = clock.instant();
            PolicyInfo p = new PolicyInfo(name, doc, false, old == null ? now : old.created(), now);
            table.commit(new MetadataTable.Batch().put(IamCodec.POLICY_PREFIX + name, IamCodec.encode(
                    new IamCodec.StoredPolicy(IamCodec.POLICY_FORMAT, name, json, p.created().toEpochMilli(),
                            now.toEpochMilli()))));
            state = s.withPolicy(p);
            return p;
        } finally {
            writes.unlock();
        }
    }

    public void removePolicy(String name) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            PolicyInfo p = s.policy(name);
            if (p == null) {
                throw noSuchPolicy(name);
            }
            if (p.canned()) {
                throw new IamException(IamError.CANNED_POLICY_READ_ONLY,
                        "'" + name + "' is a built-in policy and cannot be removed.");
            }
            List<String> holders = usersWithPolicy(name);
            if (!holders.isEmpty()) {
                throw new IamException(IamError.POLICY_IN_USE, "The policy '" + name + "' is attached to "
                        + holders.size() + " user(s) (e.g. " + holders.get(0) + "); detach it first.");
            }
            table.commit(new MetadataTable.Batch().delete(IamCodec.POLICY_PREFIX + name));
            state = s.withoutPolicy(name);
        } finally {
            writes.unlock();
        }
    }

    // ---- service accounts ----

    /** A service account to create; null keys are generated, a null session policy means "the parent's". */
    public record NewServiceAccount(String parent, String accessKey, String secretKey, String sessionPolicyJson,
                                    String name, String description, Instant expiration) {}

    public IamUser addServiceAccount(NewServiceAccount req) throws IamException, IOException {
        String ak = req.accessKey() == null || req.accessKey().isEmpty() ? IamNames.newAccessKey() : req.accessKey();
        String sk = req.secretKey() == null || req.secretKey().isEmpty() ? IamNames.newSecretKey() : req.secretKey();
        IamNames.checkAccessKey(ak, root.accessKeyId());
        IamNames.checkSecret(sk);
        PolicyDocument session = sessionPolicy(req.sessionPolicyJson());
        checkExpiration(req.expiration());
        writes.lock();
        try {
            IamState s = state;
            existing(s, req.parent());
            if (s.users().containsKey(ak)) {
                throw new IamException(IamError.INVALID_ARGUMENT, "The access key '" + ak + "' is already in use.");
            }
            Instant now = clock.instant();
            return store(s, new IamUser(ak, sk, UserStatus.ENABLED, List.of(), now, now,
                    new ServiceAccount(req.parent(), session, req.name(), req.description(), req.expiration())));
        } finally {
            writes.unlock();
        }
    }

    /** Changes to a service account; null fields are kept, an empty session policy removes it. */
    public record ServiceAccountUpdate(String secretKey, String sessionPolicyJson, UserStatus status, String name,
                                       String description, Instant expiration) {}

    public IamUser updateServiceAccount(String accessKey, ServiceAccountUpdate up) throws IamException, IOException {
        if (up.secretKey() != null) {
            IamNames.checkSecret(up.secretKey());
        }
        PolicyDocument session = up.sessionPolicyJson() == null || up.sessionPolicyJson().isEmpty() ? null
                : sessionPolicy(up.sessionPolicyJson());
        if (up.expiration() != null) {
            checkExpiration(up.expiration());
        }
        writes.lock();
        try {
            IamState s = state;
            IamUser old = existingServiceAccount(s, accessKey);
            ServiceAccount a = old.serviceAccount();
            ServiceAccount changed = new ServiceAccount(a.parent(),
                    up.sessionPolicyJson() == null ? a.sessionPolicy() : session,
                    up.name() == null ? a.name() : up.name(),
                    up.description() == null ? a.description() : up.description(),
                    up.expiration() == null ? a.expiration() : up.expiration());
            return store(s, old.with(up.secretKey() == null ? old.secretKey() : up.secretKey(),
                    up.status() == null ? old.status() : up.status(), changed, clock.instant()));
        } finally {
            writes.unlock();
        }
    }

    public void removeServiceAccount(String accessKey) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            existingServiceAccount(s, accessKey);
            table.commit(new MetadataTable.Batch().delete(IamCodec.USER_PREFIX + accessKey));
            state = s.withoutUsers(List.of(accessKey));
        } finally {
            writes.unlock();
        }
    }

    private static IamUser existingServiceAccount(IamState s, String accessKey) throws IamException {
        IamUser u = s.users().get(accessKey);
        if (u == null || !u.isServiceAccount()) {
            throw new IamException(IamError.NO_SUCH_SERVICE_ACCOUNT,
                    "The specified service account does not exist: " + accessKey);
        }
        return u;
    }

    private static PolicyDocument sessionPolicy(String json) throws IamException {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return PolicyDocument.parse(json, PolicyValidation.forIdentity());
        } catch (MalformedPolicyException e) {
            throw new IamException(IamError.MALFORMED_POLICY, e.getMessage());
        }
    }

    private void checkExpiration(Instant expiration) throws IamException {
        if (expiration != null && !expiration.isAfter(clock.instant())) {
            throw new IamException(IamError.INVALID_ARGUMENT, "The expiration must be in the future.");
        }
    }

    // ---- helpers ----

    private IamUser store(IamState s, IamUser u) throws IOException {
        table.commit(new MetadataTable.Batch().put(IamCodec.USER_PREFIX + u.accessKey(), IamCodec.encode(u, seal)));
        state = s.withUser(u);
        return u;
    }

    private static IamUser existing(IamState s, String accessKey) throws IamException {
        IamUser u = s.users().get(accessKey);
        if (u == null || u.isServiceAccount()) {
            throw new IamException(IamError.NO_SUCH_USER, "The specified user does not exist: " + accessKey);
        }
        return u;
    }

    private static void checkPoliciesExist(IamState s, List<String> names) throws IamException {
        for (String n : names) {
            if (s.policy(n) == null) {
                throw noSuchPolicy(n);
            }
        }
    }

    private static IamException noSuchPolicy(String name) {
        return new IamException(IamError.NO_SUCH_POLICY, "The canned policy does not exist: " + name);
    }

    private static List<String> dedupe(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
