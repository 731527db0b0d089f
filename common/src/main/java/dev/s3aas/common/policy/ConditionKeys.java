package dev.s3aas.common.policy;

/**
 * Names of the condition keys the node puts in a {@link ConditionContext}. Global keys are from "AWS
 * global condition context keys"; {@code s3:} keys from "Actions, resources, and condition keys for
 * Amazon S3". Keys are case-insensitive; these are the documented spellings.
 *
 * <p>{@link #USERNAME}, {@link #USERID} and {@link #PRINCIPAL_TYPE} need not be put in the context: when
 * absent they are derived from the request's {@link RequestPrincipal}.
 */
public final class ConditionKeys {

    public static final String SOURCE_IP = "aws:SourceIp";
    public static final String SECURE_TRANSPORT = "aws:SecureTransport";
    public static final String CURRENT_TIME = "aws:CurrentTime";
    public static final String EPOCH_TIME = "aws:EpochTime";
    public static final String USERNAME = "aws:username";
    public static final String USERID = "aws:userid";
    public static final String PRINCIPAL_TYPE = "aws:PrincipalType";
    public static final String USER_AGENT = "aws:UserAgent";
    public static final String REFERER = "aws:Referer";
    public static final String PREFIX = "s3:prefix";
    public static final String DELIMITER = "s3:delimiter";
    public static final String MAX_KEYS = "s3:max-keys";
    public static final String SERVER_SIDE_ENCRYPTION = "s3:x-amz-server-side-encryption";
    public static final String ACL = "s3:x-amz-acl";
    public static final String OBJECT_LOCK_MODE = "s3:object-lock-mode";
    public static final String SIGNATURE_VERSION = "s3:signatureversion";
    public static final String AUTH_TYPE = "s3:authType";
    public static final String VERSION_ID = "s3:versionid";

    private ConditionKeys() {
    }

    /** {@code s3:ExistingObjectTag/<tagKey>}: a tag the stored object has. */
    public static String existingObjectTag(String tagKey) {
        return "s3:ExistingObjectTag/" + tagKey;
    }

    /** {@code s3:RequestObjectTag/<tagKey>}: a tag the request sets on the object. */
    public static String requestObjectTag(String tagKey) {
        return "s3:RequestObjectTag/" + tagKey;
    }
}
