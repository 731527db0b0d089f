package dev.s3aas.node.auth;

import java.util.Optional;

/** The grants of IAM keys, looked up on every request: implementations answer from memory. */
public interface UserPolicies {
    /** The grants of an active key; empty if the key is unknown, deleted, disabled or expired. */
    Optional<Grants> policiesOf(String accessKeyId);

    /** For nodes without IAM users (tests, tools): nobody but root has policies. */
    UserPolicies NONE = accessKeyId -> Optional.empty();
}
