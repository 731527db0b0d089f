package dev.s3aas.node.auth;

import dev.s3aas.common.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;

/** The identity policies of IAM users, looked up on every request: implementations answer from memory. */
public interface UserPolicies {
    /** The parsed policies attached to an enabled user; empty if the key is unknown, deleted or disabled. */
    Optional<List<PolicyDocument>> policiesOf(String accessKeyId);

    /** For nodes without IAM users (tests, tools): nobody but root has policies. */
    UserPolicies NONE = accessKeyId -> Optional.empty();
}
