package dev.s3aas.controlplane.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.accesskey.AccessKey;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.cluster.Capabilities;
import dev.s3aas.controlplane.cluster.Capability;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.instance.Instance.Encryption;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.S3BucketClient;
import dev.s3aas.controlplane.policy.Policy;
import dev.s3aas.controlplane.reconcile.DesiredState;
import dev.s3aas.controlplane.reconcile.ItemError;
import dev.s3aas.controlplane.user.S3User;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link DesiredState} to the instance's RGW tenant, through one gateway (every gateway serves the
 * same RADOS store, so once is enough): the owner user with the instance's root key; every bucket, created by
 * the owner, with its settings; one RGW user per instance user ({@code tenant$name}), suspended when the
 * user is disabled, holding exactly its usable access keys (a disabled or expired key is removed from RGW,
 * which has no per-key status before Squid), and one inline IAM policy per attached policy ({@code cp-name},
 * Pacific has no managed policies). Then what the tenant has and the database does not is removed: users
 * (RGW refuses while they own buckets: left and reported) and buckets (only when empty). Nothing outside the
 * tenant is read or touched.
 */
final class TenantSync {
    private static final Logger LOG = LoggerFactory.getLogger(TenantSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The owner creates every bucket of the instance (RGW's limit per user; the API's buckets are far fewer). */
    static final int OWNER_MAX_BUCKETS = 10_000;
    /** Instance users create no buckets: the instance's buckets are the control plane's (RGW: below 0 = none). */
    static final int USER_MAX_BUCKETS = -1;

    private final RgwAdmin admin;
    private final S3BucketClient owner;
    private final Tenant tenant;
    private final Capabilities caps;
    private final SecretBox secrets;
    private final Clock mfaClock;

    TenantSync(RgwAdmin admin, S3BucketClient owner, Tenant tenant, Capabilities caps, SecretBox secrets,
            Clock mfaClock) {
        this.admin = admin;
        this.owner = owner;
        this.tenant = tenant;
        this.caps = caps;
        this.secrets = secrets;
        this.mfaClock = mfaClock;
    }

    /** Returns per-item failures; throws {@link NodeException.Unreachable} when the gateway stops answering. */
    List<ItemError> apply(DesiredState want, String ownerAccessKey, String ownerSecret, long now) throws NodeException {
        ensureOwner(ownerAccessKey, ownerSecret);
        List<String> observedUsers = admin.listUsers().stream().filter(tenant::owns).toList();
        List<ItemError> errors = new ArrayList<>();
        syncBuckets(want, errors);
        syncUsers(want, observedUsers, now, errors);
        return errors;
    }

    /** The tenant's owner: exists, not suspended, holds exactly the instance's root key. */
    void ensureOwner(String accessKey, String secret) throws NodeException {
        String uid = tenant.ownerUid();
        Optional<RgwAdmin.RgwUser> found = admin.user(uid);
        if (found.isEmpty()) {
            admin.createUser(uid, "s3aas instance owner", OWNER_MAX_BUCKETS);
            found = admin.user(uid);
        }
        RgwAdmin.RgwUser u = found.orElseThrow(() -> new NodeException.Rejected("NoSuchUser",
                "owner " + uid + " vanished while being created", null));
        if (u.suspended()) {
            admin.setSuspended(uid, false);
        }
        if (u.maxBuckets() != OWNER_MAX_BUCKETS) {
            admin.setMaxBuckets(uid, OWNER_MAX_BUCKETS);
        }
        syncKeys(uid, u.keys(), Map.of(accessKey, secret));
    }

    private void syncBuckets(DesiredState want, List<ItemError> errors) throws NodeException {
        Set<String> desired = new HashSet<>();
        for (Bucket b : want.buckets()) {
            desired.add(b.name().value());
            try {
                syncBucket(want, b);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("bucket", b.uuid(), e.getMessage()));
            }
        }
        for (String qualified : admin.listBuckets()) {
            if (!tenant.owns(qualified) || desired.contains(tenant.local(qualified))) {
                continue;
            }
            String extra = tenant.local(qualified);
            try {
                admin.deleteBucket(tenant.name(), extra, false);
                LOG.info("tenant {}: removed bucket {} that is not in the database", tenant.name(), extra);
            } catch (NodeException.BucketNotEmpty e) {
                // Never destroy data: a non-empty unknown bucket is left alone and reported in the log only.
                LOG.warn("tenant {}: bucket {} is not in the database and not empty: left in place", tenant.name(), extra);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError("stale bucket", extra, e.getMessage()));
            }
        }
    }

    private void syncBucket(DesiredState want, Bucket b) throws NodeException {
        String name = b.name().value();
        Optional<RgwAdmin.RgwBucket> seen = admin.bucket(tenant.name(), name);
        if (seen.isPresent() && !seen.get().owner().equals(tenant.ownerUid())) {
            throw new NodeException.Rejected("BucketAlreadyExists", "bucket " + name + " exists in the tenant but is "
                    + "owned by " + seen.get().owner() + ", not by the instance", null);
        }
        if (seen.isEmpty()) {
            owner.ensureBucket(name, b.objectLockEnabled());
        }
        boolean mfa = want.mfaDelete(b);
        if (mfa) {
            throw new NodeException.Rejected("NotImplemented", "MFA delete: " + caps.missing(Capability.MFA_DELETE)
                    .orElse("the cluster cannot enable it through the S3 API"), null);
        }
        owner.setVersioning(name, b.versioningEnabled(), false, want.mfaCode(mfaClock));
        owner.setPublic(name, b.publicRead());
        long quota = seen.map(RgwAdmin.RgwBucket::quotaBytes).orElse(-1L);
        if (quota != b.quotaBytes()) {
            admin.setBucketQuota(tenant.ownerUid(), name, b.quotaBytes());
        }
        if (b.objectLockEnabled()) {
            owner.setDefaultRetention(name, b.retentionMode() == null ? null : b.retentionMode().name(),
                    b.retentionDays());
        }
        boolean aes = want.instance().encryption() == Encryption.AES256;
        if (aes || caps.supports(Capability.ENCRYPTION)) {
            owner.setEncryption(name, aes);
        }
    }

    /** What one instance user should be on RGW. */
    private record WantedUser(String uid, boolean suspended, Map<String, String> keys, Map<String, String> policies,
            String errorKind, String errorId) {}

    private void syncUsers(DesiredState want, List<String> observed, long now, List<ItemError> errors)
            throws NodeException {
        Set<String> desired = new HashSet<>();
        desired.add(tenant.ownerUid());
        for (WantedUser w : wantedUsers(want, now)) {
            desired.add(w.uid());
            try {
                syncUser(w);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                errors.add(new ItemError(w.errorKind(), w.errorId(), e.getMessage()));
            }
        }
        for (String uid : observed) {
            if (desired.contains(uid)) {
                continue;
            }
            try {
                admin.deleteUser(uid, false);
                LOG.info("tenant {}: removed user {} that the database does not have", tenant.name(), uid);
            } catch (NodeException.Unreachable e) {
                throw e;
            } catch (NodeException e) {
                // RGW refuses to remove a user that owns buckets without purging them: its data stays.
                LOG.warn("tenant {}: user {} is not in the database but could not be removed: {}", tenant.name(), uid,
                        e.getMessage());
                errors.add(new ItemError("stale user", uid, e.getMessage()));
            }
        }
    }

    private List<WantedUser> wantedUsers(DesiredState want, long now) {
        Map<String, Policy> byName = new HashMap<>();
        want.policies().forEach(p -> byName.put(p.name(), p));
        Map<String, Map<String, String>> keysByUser = new HashMap<>();
        for (AccessKey k : want.keys()) {
            if (want.keyEnabled(k, now)) {
                keysByUser.computeIfAbsent(k.userId(), id -> new LinkedHashMap<>())
                        .put(k.accessKey(), secrets.decrypt(k.secretSealed()));
            }
        }
        List<WantedUser> out = new ArrayList<>();
        for (S3User u : want.usersById().values()) {
            Map<String, String> policies = new LinkedHashMap<>();
            for (String name : want.policyNamesByUserId().getOrDefault(u.uuid(), List.of())) {
                Policy p = byName.get(name);
                if (p != null) {
                    policies.put(p.nodeName(), p.content().json());
                }
            }
            out.add(new WantedUser(tenant.uid(u.name()), !u.enabled(), keysByUser.getOrDefault(u.uuid(), Map.of()),
                    policies, "user", u.uuid()));
        }
        return out;
    }

    private void syncUser(WantedUser w) throws NodeException {
        Optional<RgwAdmin.RgwUser> found = admin.user(w.uid());
        boolean changed = false;
        if (found.isEmpty()) {
            admin.createUser(w.uid(), w.uid().substring(tenant.name().length() + 1), USER_MAX_BUCKETS);
            found = admin.user(w.uid());
            changed = true;
        }
        RgwAdmin.RgwUser u = found.orElseThrow(() -> new NodeException.Rejected("NoSuchUser",
                "user " + w.uid() + " vanished while being created", null));
        if (u.suspended() != w.suspended()) {
            admin.setSuspended(w.uid(), w.suspended());
            changed = true;
        }
        if (u.maxBuckets() != USER_MAX_BUCKETS) {
            admin.setMaxBuckets(w.uid(), USER_MAX_BUCKETS);
            changed = true;
        }
        changed |= syncKeys(w.uid(), u.keys(), w.keys());
        syncPolicies(w.uid(), w.policies(), changed);
    }

    /** Makes the user hold exactly {@code wanted} (access key → secret); true when anything changed. */
    private boolean syncKeys(String uid, Map<String, String> have, Map<String, String> wanted) throws NodeException {
        boolean changed = false;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String secret = have.get(e.getKey());
            if (secret != null && secret.equals(e.getValue())) {
                continue;
            }
            if (secret != null) {
                admin.removeKey(uid, e.getKey()); // changed behind our back: replace it
            }
            admin.addKey(uid, e.getKey(), e.getValue());
            changed = true;
        }
        for (String extra : have.keySet()) {
            if (!wanted.containsKey(extra)) {
                admin.removeKey(uid, extra);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Makes the user's inline policies exactly {@code wanted}. RGW drops them on every admin write to the user,
     * so after {@code userChanged} they are all written again; otherwise they are compared and repaired.
     */
    private void syncPolicies(String uid, Map<String, String> wanted, boolean userChanged) throws NodeException {
        List<String> have = admin.listUserPolicies(uid);
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            boolean same = !userChanged && have.contains(e.getKey())
                    && admin.getUserPolicy(uid, e.getKey()).map(doc -> sameJson(doc, e.getValue())).orElse(false);
            if (!same) {
                admin.putUserPolicy(uid, e.getKey(), e.getValue());
            }
        }
        for (String name : have) {
            if (!wanted.containsKey(name)) {
                admin.deleteUserPolicy(uid, name);
            }
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            return JSON.readTree(a).equals(JSON.readTree(b));
        } catch (IOException e) {
            return false;
        }
    }
}
