package dev.s3aas.node.iam;

import dev.s3aas.common.policy.CannedPolicies;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.node.auth.Grants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of all IAM state, swapped atomically on every change so request threads read it
 * without locks. Each enabled user's policy documents are resolved once per snapshot: a request costs one
 * hash lookup, no parsing and no RocksDB read.
 */
record IamState(Map<String, IamUser> users, Map<String, PolicyInfo> customPolicies,
                Map<String, Grants> resolved) {

    static final IamState EMPTY = of(Map.of(), Map.of());

    /**
     * Resolves the grants of every enabled key. A service account gets its parent's documents (so a change
     * to the parent applies to it too) and its session policy; it has none while its parent is disabled or
     * gone. Expiration is checked per request, not here.
     */
    static IamState of(Map<String, IamUser> users, Map<String, PolicyInfo> custom) {
        Map<String, Grants> resolved = new HashMap<>();
        for (IamUser u : users.values()) {
            if (!u.enabled()) {
                continue;
            }
            if (!u.isServiceAccount()) {
                resolved.put(u.accessKey(), Grants.of(documents(u, custom)));
                continue;
            }
            IamUser parent = users.get(u.serviceAccount().parent());
            if (parent != null && parent.enabled() && !parent.isServiceAccount()) {
                resolved.put(u.accessKey(), new Grants(documents(parent, custom),
                        Optional.ofNullable(u.serviceAccount().sessionPolicy())));
            }
        }
        return new IamState(Map.copyOf(users), Map.copyOf(custom), Map.copyOf(resolved));
    }

    private static List<PolicyDocument> documents(IamUser u, Map<String, PolicyInfo> custom) {
        List<PolicyDocument> docs = new ArrayList<>(u.policies().size());
        for (String name : u.policies()) {
            PolicyInfo p = lookup(custom, name);
            if (p != null) {
                docs.add(p.document());
            }
        }
        return docs;
    }

    /** A canned or custom policy by name. */
    PolicyInfo policy(String name) {
        return lookup(customPolicies, name);
    }

    private static PolicyInfo lookup(Map<String, PolicyInfo> custom, String name) {
        var canned = CannedPolicies.get(name);
        if (canned.isPresent()) {
            return new PolicyInfo(name, canned.get(), true, null, null);
        }
        return custom.get(name);
    }

    /** Canned policies first (MinIO's order), then custom ones by name. */
    List<PolicyInfo> allPolicies() {
        List<PolicyInfo> out = new ArrayList<>();
        CannedPolicies.all().forEach((n, d) -> out.add(new PolicyInfo(n, d, true, null, null)));
        out.addAll(new TreeMap<>(customPolicies).values());
        return out;
    }

    IamState withUser(IamUser u) {
        Map<String, IamUser> m = new HashMap<>(users);
        m.put(u.accessKey(), u);
        return of(m, customPolicies);
    }

    IamState withoutUsers(java.util.Collection<String> accessKeys) {
        Map<String, IamUser> m = new HashMap<>(users);
        accessKeys.forEach(m::remove);
        return of(m, customPolicies);
    }

    IamState withPolicy(PolicyInfo p) {
        Map<String, PolicyInfo> m = new HashMap<>(customPolicies);
        m.put(p.name(), p);
        return of(users, m);
    }

    IamState withoutPolicy(String name) {
        Map<String, PolicyInfo> m = new HashMap<>(customPolicies);
        m.remove(name);
        return of(users, m);
    }
}
