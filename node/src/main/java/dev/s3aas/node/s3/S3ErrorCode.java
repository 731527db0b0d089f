package dev.s3aas.node.s3;

/**
 * The S3 error codes this node returns, with their HTTP status, as listed in the S3 API reference
 * ("Error responses → List of error codes"). The enum constant name is the {@code <Code>} sent on the wire.
 */
enum S3ErrorCode {
    AccessDenied(403, "Access Denied"),
    AccessControlListNotSupported(400, "The bucket does not allow ACLs"),
    AccessForbidden(403, "CORSResponse: This CORS request is not allowed."),
    AuthorizationHeaderMalformed(400, "The authorization header is malformed."),
    AuthorizationQueryParametersError(400, "Error parsing the X-Amz-Credential parameter."),
    BadRequest(400, "Bad Request"),
    BadDigest(400, "The Content-MD5 you specified did not match what we received."),
    BucketAlreadyExists(409, "The requested bucket name is not available."),
    BucketAlreadyOwnedByYou(409, "Your previous request to create the named bucket succeeded and you already own it."),
    BucketNotEmpty(409, "The bucket you tried to delete is not empty"),
    EntityTooLarge(400, "Your proposed upload exceeds the maximum allowed object size."),
    EntityTooSmall(400, "Your proposed upload is smaller than the minimum allowed object size."),
    ExpiredToken(400, "The provided token has expired."),
    IncompleteBody(400, "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    InternalError(500, "We encountered an internal error. Please try again."),
    InvalidAccessKeyId(403, "The AWS access key Id you provided does not exist in our records."),
    InvalidArgument(400, "Invalid Argument"),
    KMSNotFoundException(400, "The KMS key does not exist", "KMS.NotFoundException"),
    InvalidBucketAclWithObjectOwnership(400, "Bucket cannot have ACLs set with ObjectOwnership's "
            + "BucketOwnerEnforced setting"),
    InvalidBucketName(400, "The specified bucket is not valid."),
    InvalidBucketState(409, "The request is not valid with the current state of the bucket."),
    InvalidDigest(400, "The Content-MD5 you specified is not valid."),
    InvalidLocationConstraint(400, "The specified location-constraint is not valid."),
    InvalidPart(400, "One or more of the specified parts could not be found."),
    InvalidPartNumber(416, "The requested partnumber is not satisfiable"),
    InvalidPartOrder(400, "The list of parts was not in ascending order."),
    InvalidPolicyDocument(400, "The content of the form does not meet the conditions specified in the policy document."),
    InvalidRange(416, "The requested range is not satisfiable"),
    InvalidRequest(400, "Invalid Request"),
    InvalidStorageClass(400, "The storage class you specified is not valid."),
    InvalidTag(400, "The tag provided was not a valid tag."),
    InvalidToken(400, "The provided token is malformed or otherwise invalid."),
    InvalidURI(400, "Couldn't parse the specified URI."),
    KeyTooLongError(400, "Your key is too long."),
    MalformedPolicy(400, "Policies must be valid JSON and the first byte must be '{'"),
    MalformedTrailerError(400, "The request contained trailing data that was not well-formed."),
    MalformedPOSTRequest(400, "The body of your POST request is not well-formed multipart/form-data."),
    MalformedXML(400, "The XML you provided was not well-formed or did not validate against our published schema."),
    MaxMessageLengthExceeded(400, "Your request was too big."),
    MetadataTooLarge(400, "Your metadata headers exceed the maximum allowed metadata size."),
    MethodNotAllowed(405, "The specified method is not allowed against this resource."),
    MissingContentLength(411, "You must provide the Content-Length HTTP header."),
    MissingRequestBodyError(400, "Request Body is empty."),
    MissingSecurityHeader(400, "Your request is missing a required header."),
    NoSuchBucket(404, "The specified bucket does not exist"),
    NoSuchPublicAccessBlockConfiguration(404, "The public access block configuration was not found"),
    OwnershipControlsNotFoundError(404, "The bucket ownership controls were not found"),
    UnresolvableGrantByEmailAddress(400, "The e-mail address you provided does not match any account on record."),
    MalformedACLError(400, "The XML you provided was not well-formed or did not validate against our published "
            + "schema."),
    NoSuchCORSConfiguration(404, "The CORS configuration does not exist"),
    NoSuchWebsiteConfiguration(404, "The specified bucket does not have a website configuration"),
    ReplicationConfigurationNotFoundError(404, "The replication configuration was not found"),
    NoSuchBucketPolicy(404, "The bucket policy does not exist"),
    NoSuchKey(404, "The specified key does not exist."),
    NoSuchLifecycleConfiguration(404, "The lifecycle configuration does not exist"),
    NoSuchTagSet(404, "The TagSet does not exist."),
    NoSuchUpload(404, "The specified multipart upload does not exist."),
    NoSuchVersion(404, "The specified version does not exist."),
    NoSuchObjectLockConfiguration(404, "The specified object does not have a ObjectLock configuration"),
    ObjectLockConfigurationNotFoundError(404, "Object Lock configuration does not exist for this bucket"),
    ServerSideEncryptionConfigurationNotFoundError(404, "The server side encryption configuration was not found"),
    NotImplemented(501, "A header you provided implies functionality that is not implemented."),
    PreconditionFailed(412, "At least one of the pre-conditions you specified did not hold"),
    QuotaExceeded(403, "Bucket quota exceeded"),
    RequestTimeTooSkewed(403, "The difference between the request time and the server's time is too large."),
    ServiceUnavailable(503, "Please reduce your request rate."),
    SignatureDoesNotMatch(403, "The request signature we calculated does not match the signature you provided."),
    UnexpectedContent(400, "This request does not support content"),
    /**
     * AWS has no code for a full disk; MinIO answers this one with 507 Insufficient Storage (RFC 4918 §11.5), so
     * MinIO clients and mc recognise it, and the 5xx status makes SDKs retry (maybe on another node).
     */
    XMinioStorageFull(507, "Storage backend has reached its minimum free drive threshold. Please delete a few "
            + "objects to proceed."),
    XAmzContentSHA256Mismatch(400, "The provided 'x-amz-content-sha256' header does not match what was computed.");

    final int status;
    final String defaultMessage;
    /** The {@code <Code>} on the wire: the constant's name, unless S3's code is no Java name (KMS.NotFoundException). */
    final String wireName;

    S3ErrorCode(int status, String defaultMessage) {
        this(status, defaultMessage, null);
    }

    S3ErrorCode(int status, String defaultMessage, String wireName) {
        this.status = status;
        this.defaultMessage = defaultMessage;
        this.wireName = wireName == null ? name() : wireName;
    }
}
