package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.AuthError;
import dev.s3aas.node.storage.StorageError;

/** Translates the storage and authentication layers' errors into S3 error codes, exhaustively, in one place. */
final class ErrorMapper {
    private ErrorMapper() {}

    static S3ErrorCode map(StorageError e) {
        return switch (e) {
            case NO_SUCH_BUCKET -> S3ErrorCode.NoSuchBucket;
            case NO_SUCH_KEY -> S3ErrorCode.NoSuchKey;
            case NO_SUCH_VERSION -> S3ErrorCode.NoSuchVersion;
            case BUCKET_ALREADY_OWNED -> S3ErrorCode.BucketAlreadyOwnedByYou;
            case BUCKET_NOT_EMPTY -> S3ErrorCode.BucketNotEmpty;
            case PRECONDITION_FAILED -> S3ErrorCode.PreconditionFailed;
            case NO_SUCH_UPLOAD -> S3ErrorCode.NoSuchUpload;
            case INVALID_PART -> S3ErrorCode.InvalidPart;
            case INVALID_PART_ORDER -> S3ErrorCode.InvalidPartOrder;
            case ENTITY_TOO_SMALL -> S3ErrorCode.EntityTooSmall;
            case ENTITY_TOO_LARGE -> S3ErrorCode.EntityTooLarge;
            case QUOTA_EXCEEDED -> S3ErrorCode.QuotaExceeded;
            case BAD_DIGEST -> S3ErrorCode.BadDigest;
            case INCOMPLETE_BODY -> S3ErrorCode.IncompleteBody;
            case INVALID_ARGUMENT -> S3ErrorCode.InvalidArgument;
            case INVALID_REQUEST -> S3ErrorCode.InvalidRequest;
            case METHOD_NOT_ALLOWED -> S3ErrorCode.MethodNotAllowed;
            case OBJECT_LOCKED -> S3ErrorCode.AccessDenied;
            case INVALID_BUCKET_STATE -> S3ErrorCode.InvalidBucketState;
            case CUSTOMER_KEY_MISMATCH -> S3ErrorCode.AccessDenied;
            case KMS_KEY_NOT_FOUND -> S3ErrorCode.KMSNotFoundException;
            case INSUFFICIENT_STORAGE -> S3ErrorCode.XMinioStorageFull;
        };
    }

    static S3ErrorCode map(AuthError e) {
        return switch (e) {
            case AccessDenied -> S3ErrorCode.AccessDenied;
            case SignatureDoesNotMatch -> S3ErrorCode.SignatureDoesNotMatch;
            case InvalidAccessKeyId -> S3ErrorCode.InvalidAccessKeyId;
            case RequestTimeTooSkewed -> S3ErrorCode.RequestTimeTooSkewed;
            case AuthorizationHeaderMalformed -> S3ErrorCode.AuthorizationHeaderMalformed;
            case AuthorizationQueryParametersError -> S3ErrorCode.AuthorizationQueryParametersError;
            case MissingSecurityHeader -> S3ErrorCode.MissingSecurityHeader;
            case XAmzContentSHA256Mismatch -> S3ErrorCode.XAmzContentSHA256Mismatch;
            case IncompleteBody -> S3ErrorCode.IncompleteBody;
            case InvalidRequest -> S3ErrorCode.InvalidRequest;
            case InvalidArgument -> S3ErrorCode.InvalidArgument;
            case InvalidDigest -> S3ErrorCode.InvalidDigest;
            case BadDigest -> S3ErrorCode.BadDigest;
            case MalformedTrailerError -> S3ErrorCode.MalformedTrailerError;
            case NotImplemented -> S3ErrorCode.NotImplemented;
            case ExpiredToken -> S3ErrorCode.ExpiredToken;
            case InvalidToken -> S3ErrorCode.InvalidToken;
            case MissingContentLength -> S3ErrorCode.MissingContentLength;
        };
    }
}
