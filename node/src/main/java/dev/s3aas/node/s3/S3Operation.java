package dev.s3aas.node.s3;

/**
 * The catalogue of S3 operations this node serves, each with the IAM action that authorizes it
 * ("Actions, resources, and condition keys for Amazon S3") and the resource it acts on.
 */
enum S3Operation {
    LIST_BUCKETS("s3:ListAllMyBuckets", Target.SERVICE, Check.LISTING),
    CREATE_BUCKET("s3:CreateBucket", Target.BUCKET),
    HEAD_BUCKET("s3:ListBucket", Target.BUCKET),
    DELETE_BUCKET("s3:DeleteBucket", Target.BUCKET),
    GET_BUCKET_LOCATION("s3:GetBucketLocation", Target.BUCKET),
    LIST_OBJECTS("s3:ListBucket", Target.BUCKET),
    LIST_OBJECTS_V2("s3:ListBucket", Target.BUCKET),
    DELETE_OBJECTS("s3:DeleteObject", Target.BUCKET, Check.PER_ITEM),
    DELETE_OBJECT("s3:DeleteObject", Target.OBJECT),
    PUT_OBJECT("s3:PutObject", Target.OBJECT, Check.OBJECT_WRITE),
    POST_OBJECT("s3:PutObject", Target.BUCKET, Check.PER_ITEM),
    GET_OBJECT("s3:GetObject", Target.OBJECT),
    HEAD_OBJECT("s3:GetObject", Target.OBJECT),
    COPY_OBJECT("s3:PutObject", Target.OBJECT, Check.COPY),
    CREATE_MULTIPART_UPLOAD("s3:PutObject", Target.OBJECT, Check.OBJECT_WRITE),
    UPLOAD_PART("s3:PutObject", Target.OBJECT),
    UPLOAD_PART_COPY("s3:PutObject", Target.OBJECT, Check.COPY_PART),
    COMPLETE_MULTIPART_UPLOAD("s3:PutObject", Target.OBJECT),
    ABORT_MULTIPART_UPLOAD("s3:AbortMultipartUpload", Target.OBJECT),
    LIST_PARTS("s3:ListMultipartUploadParts", Target.OBJECT),
    LIST_MULTIPART_UPLOADS("s3:ListBucketMultipartUploads", Target.BUCKET),
    GET_BUCKET_VERSIONING("s3:GetBucketVersioning", Target.BUCKET),
    PUT_BUCKET_VERSIONING("s3:PutBucketVersioning", Target.BUCKET),
    LIST_OBJECT_VERSIONS("s3:ListBucketVersions", Target.BUCKET),
    GET_BUCKET_TAGGING("s3:GetBucketTagging", Target.BUCKET),
    PUT_BUCKET_TAGGING("s3:PutBucketTagging", Target.BUCKET),
    DELETE_BUCKET_TAGGING("s3:PutBucketTagging", Target.BUCKET),
    GET_OBJECT_LOCK_CONFIGURATION("s3:GetBucketObjectLockConfiguration", Target.BUCKET),
    PUT_OBJECT_LOCK_CONFIGURATION("s3:PutBucketObjectLockConfiguration", Target.BUCKET),
    GET_OBJECT_TAGGING("s3:GetObjectTagging", Target.OBJECT),
    PUT_OBJECT_TAGGING("s3:PutObjectTagging", Target.OBJECT),
    DELETE_OBJECT_TAGGING("s3:DeleteObjectTagging", Target.OBJECT),
    GET_OBJECT_RETENTION("s3:GetObjectRetention", Target.OBJECT),
    PUT_OBJECT_RETENTION("s3:PutObjectRetention", Target.OBJECT),
    GET_OBJECT_LEGAL_HOLD("s3:GetObjectLegalHold", Target.OBJECT),
    PUT_OBJECT_LEGAL_HOLD("s3:PutObjectLegalHold", Target.OBJECT),
    GET_BUCKET_ENCRYPTION("s3:GetEncryptionConfiguration", Target.BUCKET),
    PUT_BUCKET_ENCRYPTION("s3:PutEncryptionConfiguration", Target.BUCKET),
    DELETE_BUCKET_ENCRYPTION("s3:PutEncryptionConfiguration", Target.BUCKET),
    PUT_BUCKET_POLICY("s3:PutBucketPolicy", Target.BUCKET),
    GET_BUCKET_POLICY("s3:GetBucketPolicy", Target.BUCKET),
    DELETE_BUCKET_POLICY("s3:DeleteBucketPolicy", Target.BUCKET),
    GET_BUCKET_POLICY_STATUS("s3:GetBucketPolicyStatus", Target.BUCKET),
    PUT_BUCKET_CORS("s3:PutBucketCORS", Target.BUCKET),
    GET_BUCKET_CORS("s3:GetBucketCORS", Target.BUCKET),
    DELETE_BUCKET_CORS("s3:PutBucketCORS", Target.BUCKET),
    PUT_BUCKET_WEBSITE("s3:PutBucketWebsite", Target.BUCKET),
    GET_BUCKET_WEBSITE("s3:GetBucketWebsite", Target.BUCKET),
    DELETE_BUCKET_WEBSITE("s3:DeleteBucketWebsite", Target.BUCKET),
    GET_BUCKET_LOGGING("s3:GetBucketLogging", Target.BUCKET),
    GET_BUCKET_NOTIFICATION_CONFIGURATION("s3:GetBucketNotification", Target.BUCKET),
    GET_BUCKET_REQUEST_PAYMENT("s3:GetBucketRequestPayment", Target.BUCKET),
    GET_BUCKET_ACCELERATE_CONFIGURATION("s3:GetAccelerateConfiguration", Target.BUCKET),
    GET_BUCKET_REPLICATION("s3:GetReplicationConfiguration", Target.BUCKET),
    GET_OBJECT_ATTRIBUTES("s3:GetObjectAttributes", Target.OBJECT),
    GET_BUCKET_ACL("s3:GetBucketAcl", Target.BUCKET),
    PUT_BUCKET_ACL("s3:PutBucketAcl", Target.BUCKET),
    GET_OBJECT_ACL("s3:GetObjectAcl", Target.OBJECT),
    PUT_OBJECT_ACL("s3:PutObjectAcl", Target.OBJECT),
    GET_BUCKET_OWNERSHIP_CONTROLS("s3:GetBucketOwnershipControls", Target.BUCKET),
    PUT_BUCKET_OWNERSHIP_CONTROLS("s3:PutBucketOwnershipControls", Target.BUCKET),
    DELETE_BUCKET_OWNERSHIP_CONTROLS("s3:PutBucketOwnershipControls", Target.BUCKET),
    GET_PUBLIC_ACCESS_BLOCK("s3:GetBucketPublicAccessBlock", Target.BUCKET),
    PUT_PUBLIC_ACCESS_BLOCK("s3:PutBucketPublicAccessBlock", Target.BUCKET),
    DELETE_PUBLIC_ACCESS_BLOCK("s3:PutBucketPublicAccessBlock", Target.BUCKET),
    PUT_BUCKET_LIFECYCLE_CONFIGURATION("s3:PutLifecycleConfiguration", Target.BUCKET),
    GET_BUCKET_LIFECYCLE_CONFIGURATION("s3:GetLifecycleConfiguration", Target.BUCKET),
    // DeleteBucketLifecycle has no action of its own in IAM: AWS authorizes it with s3:PutLifecycleConfiguration.
    DELETE_BUCKET_LIFECYCLE("s3:PutLifecycleConfiguration", Target.BUCKET);

    /** What the request's resource ARN names. */
    enum Target { SERVICE, BUCKET, OBJECT }

    /**
     * How {@link AccessControl} authorizes the operation before it runs. ACTION: its action on its resource.
     * OBJECT_WRITE: that, plus the permissions the request's headers need (retention, legal hold, tags). COPY:
     * OBJECT_WRITE plus {@code s3:GetObject} on the source; COPY_PART: the action plus the source. PER_ITEM:
     * decided by the operation for each key (DeleteObjects) or once the form's signature is read (PostObject).
     * LISTING: any signed caller; the listing shows what the caller may see (ListBuckets).
     */
    enum Check { ACTION, OBJECT_WRITE, COPY, COPY_PART, PER_ITEM, LISTING }

    final String action;
    final Target target;
    final Check check;

    S3Operation(String action, Target target) {
        this(action, target, Check.ACTION);
    }

    S3Operation(String action, Target target, Check check) {
        this.action = action;
        this.target = target;
        this.check = check;
    }

    /**
     * The IAM action for this request: addressing a specific version needs the *Version action
     * (s3:GetObjectVersion, s3:DeleteObjectVersion), as in AWS.
     */
    String action(boolean versionIdGiven) {
        if (!versionIdGiven) {
            return action;
        }
        return switch (this) {
            case GET_OBJECT, HEAD_OBJECT -> "s3:GetObjectVersion";
            case GET_OBJECT_ATTRIBUTES -> "s3:GetObjectVersionAttributes";
            case GET_OBJECT_ACL -> "s3:GetObjectVersionAcl";
            case PUT_OBJECT_ACL -> "s3:PutObjectVersionAcl";
            case DELETE_OBJECT -> "s3:DeleteObjectVersion";
            case GET_OBJECT_TAGGING -> "s3:GetObjectVersionTagging";
            case PUT_OBJECT_TAGGING -> "s3:PutObjectVersionTagging";
            case DELETE_OBJECT_TAGGING -> "s3:DeleteObjectVersionTagging";
            default -> action;
        };
    }
}
