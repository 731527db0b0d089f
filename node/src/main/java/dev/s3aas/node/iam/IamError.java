package dev.s3aas.node.iam;

/** Why an IAM change was refused. The admin API maps each to a MinIO admin error code, exhaustively. */
public enum IamError {
    NO_SUCH_USER,
    NO_SUCH_SERVICE_ACCOUNT,
    NO_SUCH_POLICY,
    MALFORMED_POLICY,
    INVALID_ARGUMENT,
    /** A custom policy still attached to a user cannot be removed (MinIO: "policy is in use"). */
    POLICY_IN_USE,
    /** Canned policies are built in: they cannot be replaced or removed. */
    CANNED_POLICY_READ_ONLY,
    /** Attach/detach that would change nothing (MinIO: XMinioAdminPolicyChangeAlreadyApplied). */
    POLICY_CHANGE_ALREADY_APPLIED
}
