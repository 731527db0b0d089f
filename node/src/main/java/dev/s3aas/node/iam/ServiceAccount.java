package dev.s3aas.node.iam;

import dev.s3aas.common.policy.PolicyDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * What makes a key a service account (MinIO's term): it belongs to a parent user, acts with the parent's
 * policies as they are at each request, optionally narrowed by a session policy of its own, and stops working
 * when the parent is disabled or removed, or at its expiration.
 *
 * @param sessionPolicy null when the account simply inherits the parent's policies ("implied policy")
 * @param expiration null for none
 */
public record ServiceAccount(String parent, PolicyDocument sessionPolicy, String name, String description,
                             Instant expiration) {
    public ServiceAccount {
        Objects.requireNonNull(parent, "parent");
    }

    boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }
}
