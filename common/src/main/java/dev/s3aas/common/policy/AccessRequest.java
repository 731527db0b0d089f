package dev.s3aas.common.policy;

import java.util.List;
import java.util.Objects;

/**
 * One authorization question: may {@code principal} perform {@code action} on {@code resourceArn}, given
 * the request's condition keys?
 *
 * <p>{@code action} is an IAM action such as {@code s3:GetObject}; it is stored in the catalogue's
 * spelling when it is a known action (actions are case-insensitive). {@code resourceArn} is
 * {@code arn:aws:s3:::bucket} for bucket operations, {@code arn:aws:s3:::bucket/key} for object operations
 * (see {@link #bucketArn} and {@link #objectArn}) and {@link #ANY_BUCKET_ARN} for requests about no
 * particular bucket: ListAllMyBuckets and MinIO's {@code admin:} and {@code kms:} actions.
 *
 * <p>Typical use on the node, once per S3 request:
 * <pre>{@code
 * var conditions = ConditionContext.builder()
 *         .put(ConditionKeys.SOURCE_IP, clientIp)
 *         .put(ConditionKeys.SECURE_TRANSPORT, String.valueOf(tls))
 *         .put(ConditionKeys.CURRENT_TIME, now.toString())
 *         .build();
 * var request = new AccessRequest("s3:GetObject", AccessRequest.objectArn(bucket, key),
 *         RequestPrincipal.user(userName, accessKeyId), conditions);
 * boolean ok = PolicyEvaluator.isAllowed(userPolicies, bucketPolicy, request);
 * }</pre>
 */
public record AccessRequest(String action, String resourceArn, RequestPrincipal principal,
                            ConditionContext conditions) {

    /**
     * The resource of requests about no particular bucket. Policies grant these with {@code "*"} or
     * {@code arn:aws:s3:::*} (as MinIO's built-in policies do); a policy naming one bucket does not cover it.
     */
    public static final String ANY_BUCKET_ARN = "arn:aws:s3:::*";

    private static final List<String> ANONYMOUS_USERID = List.of("anonymous");
    private static final List<String> TYPE_ANONYMOUS = List.of("Anonymous");
    private static final List<String> TYPE_USER = List.of("User");
    private static final List<String> TYPE_ACCOUNT = List.of("Account");

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(conditions, "conditions");
        String canonical = ActionCatalog.canonical(action);
        if (canonical != null) {
            action = canonical;
        }
    }

    public static AccessRequest of(String action, String resourceArn, RequestPrincipal principal) {
        return new AccessRequest(action, resourceArn, principal, ConditionContext.empty());
    }

    public static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    public static String objectArn(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }

    /**
     * The values of a condition key (already normalised), falling back for the principal keys to what
     * the principal implies. Values for anonymous requests follow the IAM docs' table "Request information
     * that you can use for policy variables": {@code aws:userid} is {@code anonymous} and there is no
     * {@code aws:username}. A user's {@code aws:userid} is its access key id unless the context says otherwise.
     */
    List<String> values(String normalizedKey) {
        List<String> v = conditions.lookup(normalizedKey);
        if (!v.isEmpty()) {
            return v;
        }
        return switch (normalizedKey) {
            case "aws:username" -> principal instanceof RequestPrincipal.User u ? List.of(u.name()) : List.of();
            case "aws:userid" -> switch (principal) {
                case RequestPrincipal.User u -> List.of(u.accessKeyId());
                case RequestPrincipal.Anonymous a -> ANONYMOUS_USERID;
                case RequestPrincipal.Root root -> List.of();
            };
            case "aws:principaltype" -> switch (principal) {
                case RequestPrincipal.User u -> TYPE_USER;
                case RequestPrincipal.Anonymous a -> TYPE_ANONYMOUS;
                case RequestPrincipal.Root root -> TYPE_ACCOUNT;
            };
            default -> List.of();
        };
    }
}
