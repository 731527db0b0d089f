package dev.s3aas.node.admin;

import dev.s3aas.node.iam.IamException;

/** Translates IAM refusals into admin API errors, exhaustively, in one place. */
final class IamErrors {
    private IamErrors() {}

    static AdminException map(IamException e) {
        AdminError code = switch (e.error()) {
            case NO_SUCH_USER -> AdminError.XMinioAdminNoSuchUser;
            case NO_SUCH_SERVICE_ACCOUNT -> AdminError.XMinioAdminServiceAccountNotFound;
            case NO_SUCH_POLICY -> AdminError.XMinioAdminNoSuchPolicy;
            case MALFORMED_POLICY -> AdminError.MalformedPolicy;
            case INVALID_ARGUMENT -> AdminError.XMinioAdminInvalidArgument;
            case POLICY_IN_USE -> AdminError.XMinioAdminPolicyInUse;
            case CANNED_POLICY_READ_ONLY -> AdminError.XMinioAdminInvalidArgument;
            case POLICY_CHANGE_ALREADY_APPLIED -> AdminError.XMinioAdminPolicyChangeAlreadyApplied;
        };
        return new AdminException(code, e.getMessage());
    }
}
