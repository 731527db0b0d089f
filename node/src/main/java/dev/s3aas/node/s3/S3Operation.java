package dev.s3aas.node.s3;

/**
 * The catalogue of S3 operations this node serves, each with the IAM action that authorizes it
 * ("Actions, resources, and condition keys for Amazon S3") and the resource it acts on.
 */
enum S3Operation {
    LIST_BUCKETS("s3:ListAllMyBuckets", Target.SERVICE),
    CREATE_BUCKET("s3:CreateBucket", Target.BUCKET),
    HEAD_BUCKET("s3:ListBucket", Target.BUCKET),
    DELETE_BUCKET("s3:DeleteBucket", Target.BUCKET),
    GET_BUCKET_LOCATION("s3:GetBucketLocation", Target.BUCKET),
    LIST_OBJECTS("s3:ListBucket", Target.BUCKET),
    LIST_OBJECTS_V2("s3:ListBucket", Target.BUCKET),
    DELETE_OBJECTS("s3:DeleteObject", Target.BUCKET),
    DELETE_OBJECT("s3:DeleteObject", Target.OBJECT),
    PUT_OBJECT("s3:PutObject", Target.OBJECT),
    GET_OBJECT("s3:GetObject", Target.OBJECT),
    HEAD_OBJECT("s3:GetObject", Target.OBJECT),
    PUT_BUCKET_POLICY("s3:PutBucketPolicy", Target.BUCKET),
    GET_BUCKET_POLICY("s3:GetBucketPolicy", Target.BUCKET),
    DELETE_BUCKET_POLICY("s3:DeleteBucketPolicy", Target.BUCKET),
    GET_BUCKET_POLICY_STATUS("s3:GetBucketPolicyStatus", Target.BUCKET);

    /** What the request's resource ARN names. */
    enum Target { SERVICE, BUCKET, OBJECT }

    final String action;
    final Target target;

    S3Operation(String action, Target target) {
        this.action = action;
        this.target = target;
    }
}
