package dev.s3aas.node.iam;

import dev.s3aas.common.policy.CannedPolicies;
import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyValidation;
import dev.s3aas.node.auth.CredentialStore;
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
    private static final int MAX_NAME = 128;

    private final MetadataTable table;
    private final RootCredentials root;
    private final Clock clock;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile IamState state;

    private IamStore(MetadataTable table, RootCredentials root, Clock clock, IamState state) {
        this.table = table;
        this.root = root;
        this.clock = clock;
        this.state = state;
    }

    /** Loads every user and policy from the table. A stored policy that no longer parses is dropped (logged). */
    public static IamStore open(MetadataTable table, RootCredentials root, Clock clock) {
        Map<String, IamUser> users = new HashMap<>();
        table.scan(IamCodec.USER_PREFIX).values().forEach(v -> {
            IamUser u = IamCodec.decodeUser(v);
            users.put(u.accessKey(), u);
        });
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
        return new IamStore(table, root, clock, IamState.of(users, policies));
    }

    // ---- per-request lookups ----

    @Override
    public Optional<String> secretFor(String accessKeyId) {
        if (root.accessKeyId().equals(accessKeyId)) {
            return Optional.of(root.secretKey());
        }
        IamUser u = state.users().get(accessKeyId);
        return u != null && u.enabled() ? Optional.of(u.secretKey()) : Optional.empty();
    }

    @Override
    public Identity identify(String accessKeyId) {
        if (root.accessKeyId().equals(accessKeyId)) {
            return new Identity.Root(accessKeyId);
        }
        // The user name is the access key, as in MinIO: it is what ${aws:username} and Principal match.
        return new Identity.User(accessKeyId, accessKeyId);
    }

    @Override
    public Optional<List<PolicyDocument>> policiesOf(String accessKeyId) {
        return Optional.ofNullable(state.resolved().get(accessKeyId));
    }

    // ---- queries ----

    public Optional<IamUser> user(String accessKey) {
        return Optional.ofNullable(state.users().get(accessKey));
    }

    /** All users, by access key. */
    public List<IamUser> users() {
        List<IamUser> out = new ArrayList<>(state.users().values());
        out.sort(Comparator.comparing(IamUser::accessKey));
        return out;
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
        checkAccessKey(accessKey);
        if (secretKey != null) {
            checkSecret(secretKey);
        }
        writes.lock();
        try {
            IamState s = state;
            if (policies != null) {
                checkPoliciesExist(s, policies);
            }
            IamUser old = s.users().get(accessKey);
            Instant now = clock.instant();
            IamUser u;
            if (old == null) {
                if (secretKey == null) {
                    throw new IamException(IamError.INVALID_ARGUMENT, "A secret key is required to create a user.");
                }
                u = new IamUser(accessKey, secretKey, status == null ? UserStatus.ENABLED : status,
                        policies == null ? List.of() : dedupe(policies), now, now);
            } else {
                u = old.with(secretKey == null ? old.secretKey() : secretKey, status == null ? old.status() : status,
                        policies == null ? old.policies() : dedupe(policies), now);
            }
            return store(s, u);
        } finally {
            writes.unlock();
        }
    }

    public void removeUser(String accessKey) throws IamException, IOException {
        writes.lock();
        try {
            IamState s = state;
            existing(s, accessKey);
            table.commit(new MetadataTable.Batch().delete(IamCodec.USER_PREFIX + accessKey));
            state = s.withoutUser(accessKey);
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
        checkPolicyName(name);
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
                    new IamCodec.StoredPolicy(IamCodec.FORMAT, name, json, p.created().toEpochMilli(),
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

    // ---- helpers ----

    private IamUser store(IamState s, IamUser u) throws IOException {
        table.commit(new MetadataTable.Batch().put(IamCodec.USER_PREFIX + u.accessKey(), IamCodec.encode(u)));
        state = s.withUser(u);
        return u;
    }

    private static IamUser existing(IamState s, String accessKey) throws IamException {
        IamUser u = s.users().get(accessKey);
        if (u == null) {
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

    /**
     * Access keys follow MinIO's rules (at least 3 characters, no '=' or ',') plus what SigV4 needs: no '/'
     * (it separates the credential scope), no whitespace or control characters.
     */
    private void checkAccessKey(String ak) throws IamException {
        if (ak == null || ak.length() < 3 || ak.length() > MAX_NAME || !printable(ak, "/=,")) {
            throw new IamException(IamError.INVALID_ARGUMENT, "Access key must be 3 to " + MAX_NAME
                    + " printable characters without whitespace, '/', '=' or ','.");
        }
        if (ak.equals(root.accessKeyId())) {
            throw new IamException(IamError.INVALID_ARGUMENT, "The root access key cannot be an IAM user.");
        }
    }

    private static void checkSecret(String sk) throws IamException {
        if (sk.length() < 8 || sk.length() > MAX_NAME || !printable(sk, "")) {
            throw new IamException(IamError.INVALID_ARGUMENT,
                    "Secret key must be 8 to " + MAX_NAME + " printable characters without whitespace.");
        }
    }

    private static void checkPolicyName(String name) throws IamException {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !printable(name, "/,")) {
            throw new IamException(IamError.INVALID_ARGUMENT, "Policy name must be 1 to " + MAX_NAME
                    + " printable characters without whitespace, '/' or ','.");
        }
    }

    private static boolean printable(String s, String forbidden) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || forbidden.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
