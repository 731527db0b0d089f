package dev.s3aas.node.admin;

/**
 * Admin API error codes with their HTTP status. The names are MinIO's admin API codes where one exists, so
 * MinIO tooling shows familiar errors; they are sent as JSON ({@code {"Code":…,"Message":…}}) like MinIO's
 * {@code writeErrorResponseJSON}.
 */
enum AdminError {
    AccessDenied(403, "Access Denied."),
    SignatureDoesNotMatch(403, "The request signature we calculated does not match the signature you provided."),
    InvalidAccessKeyId(403, "The access key ID you provided does not exist in our records."),
    BadRequest(400, "The request could not be understood."),
    XMinioAdminConfigBadJSON(400, "JSON configuration provided is of incorrect format"),
    XMinioInvalidIAMCredentials(400, "The credentials are not valid."),
    XMinioAdminNoSuchUser(404, "The specified user does not exist."),
    XMinioAdminNoSuchPolicy(404, "The canned policy does not exist."),
    XMinioAdminServiceAccountNotFound(404, "The specified service account is not found."),
    XMinioAdminPolicyChangeAlreadyApplied(400, "The specified policy change is already in effect."),
    XMinioAdminPolicyInUse(400, "The policy is in use and cannot be removed."),
    XMinioAdminInvalidArgument(400, "Invalid arguments specified."),
    XMinioKMSKeyExists(409, "The KMS key already exists."),
    XMinioKMSKeyNotFound(404, "The KMS key does not exist."),
    MalformedPolicy(400, "The policy is not valid."),
    NoSuchBucket(404, "The specified bucket does not exist"),
    XMinioAdminBucketQuotaExceeded(400, "The bucket quota is not valid."),
    XMinioAdminScrubOff(409, "Scrubbing is off on this node (--scrub-rate 0)."),
    NotImplemented(501, "This admin API is not implemented by this server."),
    MethodNotAllowed(405, "The specified method is not allowed against this resource."),
    EntityTooLarge(400, "The request body is too large."),
    InternalError(500, "We encountered an internal error, please try again.");

    final int status;
    final String defaultMessage;

    AdminError(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }
}
