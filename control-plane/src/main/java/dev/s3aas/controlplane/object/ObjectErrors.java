package dev.s3aas.controlplane.object;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.node.NodeException;

/**
 * Translates what a node (or RGW gateway) answered an object call into the API's JSON error, once, here. The
 * control plane signs as the bucket owner, so a refusal is never about the caller's rights (those were checked
 * before the call) but about the object: missing, locked, over quota. S3 codes are from
 * docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
 */
final class ObjectErrors {
    private ObjectErrors() {}

    static ApiError toApi(NodeException e, String bucket, ObjectKey key, String versionId) {
        return switch (e) {
            case NodeException.Unreachable u -> new ApiError.Unavailable("node_unavailable",
                    "the instance's node did not answer; retry later (" + u.getMessage() + ")");
            case NodeException.BucketNotEmpty b -> new ApiError.Conflict("not_empty", b.getMessage(), null);
            case NodeException.Rejected r -> rejected(r, bucket, key, versionId);
        };
    }

    private static ApiError rejected(NodeException.Rejected r, String bucket, ObjectKey key, String versionId) {
        String object = key == null ? "" : "object '" + key + "'" + (versionId == null ? "" : " version " + versionId);
        return switch (r.code()) {
            case "NoSuchKey" -> new ApiError.NotFound(object + " not found in bucket '" + bucket + "'");
            case "NoSuchVersion" -> new ApiError.NotFound(object + " not found in bucket '" + bucket + "'");
            case "NoSuchBucket" -> new ApiError.NotFound("bucket '" + bucket
                    + "' does not exist on the instance's node (yet: the reconciler creates it)");
            // S3 answers GET of a delete marker's version with 405: there is nothing to read.
            case "MethodNotAllowed" -> new ApiError.NotFound(object + " is a delete marker");
            // As root, only object protection refuses: Object Lock retention or legal hold, or MFA delete.
            case "AccessDenied" -> new ApiError.Forbidden("the node refused to change " + object
                    + ": it is protected (Object Lock retention or legal hold, or MFA delete)");
            case "InvalidObjectState", "ObjectLocked" -> new ApiError.Conflict("invalid_object_state",
                    object + ": " + r.getMessage(), null);
            case "QuotaExceeded", "XMinioAdminBucketQuotaExceeded" -> new ApiError.Conflict("quota_exceeded",
                    "the bucket's quota does not leave room for this object (" + r.getMessage() + ")", null);
            case "EntityTooLarge" -> new ApiError.TooLarge("the node refused the object as too large: " + r.getMessage());
            case "IncompleteBody" -> new ApiError.Invalid("incomplete_body",
                    "the body ended before its Content-Length", null);
            case "InvalidArgument", "InvalidRequest", "KeyTooLongError", "InvalidURI", "InvalidObjectName" ->
                    new ApiError.Invalid("invalid_request", "the node refused the request: " + r.getMessage(), null);
            case "InvalidBucketState" -> new ApiError.Conflict("invalid_bucket_state", r.getMessage(), null);
            case "InternalError", "ServiceUnavailable", "SlowDown" -> new ApiError.Unavailable("node_unavailable",
                    "the instance's node failed; retry later (" + r.getMessage() + ")");
            default -> r.status() >= 500
                    ? new ApiError.Unavailable("node_unavailable", "the instance's node failed: " + r.getMessage())
                    : new ApiError.BadGateway("node_error", "the instance's node refused: " + r.getMessage());
        };
    }
}
