package dev.s3aas.node.auth;

import dev.s3aas.common.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * What an IAM key may do: its identity policies and, for a service account created with a policy of its own,
 * that session policy, which can only narrow what the identity policies allow (MinIO's service accounts,
 * like AWS session policies).
 */
public record Grants(List<PolicyDocument> identity, Optional<PolicyDocument> session) {
    public Grants {
        identity = List.copyOf(identity);
    }

    public static Grants of(List<PolicyDocument> identity) {
        return new Grants(identity, Optional.empty());
    }
}
