package dev.s3aas.node.iam;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A node user. As in MinIO and RustFS, a user <em>is</em> its access key: the control plane creates one node
 * user per access key of a logical user and attaches that user's policies to each.
 *
 * @param policies names of attached policies (canned or custom), in attachment order, no duplicates; empty
 *                 for a service account, which uses its parent's
 * @param serviceAccount null for a user, set for a service account of another user
 */
public record IamUser(String accessKey, String secretKey, UserStatus status, List<String> policies,
                      Instant created, Instant updated, ServiceAccount serviceAccount) {
    public IamUser {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(status, "status");
        policies = List.copyOf(policies);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    public boolean enabled() {
        return status == UserStatus.ENABLED;
    }

    public boolean isServiceAccount() {
        return serviceAccount != null;
    }

    IamUser with(String newSecret, UserStatus newStatus, List<String> newPolicies, Instant at) {
        return new IamUser(accessKey, newSecret, newStatus, newPolicies, created, at, serviceAccount);
    }

    IamUser with(String newSecret, UserStatus newStatus, ServiceAccount sa, Instant at) {
        return new IamUser(accessKey, newSecret, newStatus, policies, created, at, sa);
    }

    @Override
    public String toString() {
        return "IamUser[" + accessKey + ", " + status + ", " + policies + ", secret hidden]";
    }
}
