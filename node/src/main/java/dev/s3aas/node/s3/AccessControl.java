package dev.s3aas.node.s3;

import dev.s3aas.common.policy.AccessRequest;
import dev.s3aas.common.policy.ConditionContext;
import dev.s3aas.common.policy.Decision;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyEvaluator;
import dev.s3aas.common.policy.RequestPrincipal;
import dev.s3aas.node.auth.Grants;
import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.auth.UserPolicies;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether the caller may perform an operation, before any body is read or anything stored.
 * <ul>
 *   <li>Root: everything, no evaluation.</li>
 *   <li>IAM user: its identity policies together with the bucket policy ({@link PolicyEvaluator#isAllowed}:
 *       explicit Deny wins, then any Allow, else implicit deny). A key deleted or disabled since the signature
 *       was checked has no policies: denied.</li>
 *   <li>Anonymous: the bucket policy alone.</li>
 * </ul>
 * The resource is {@code arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/key} per
 * {@link S3Operation#target}, and {@link AccessRequest#ANY_BUCKET_ARN} for service-level requests.
 * What beyond its action an operation needs is declared by the operation ({@link S3Operation.Check}): header
 * permissions of object writes, the source of copies, per-item decisions (DeleteObjects: {@code s3:DeleteObject}
 * per key, as AWS does) and listings that show what the caller may see (ListBuckets).
 */
final class AccessControl {
    private static final Grants NO_GRANTS = Grants.of(List.of());

    private final UserPolicies users;
    private final BucketPolicies buckets;
    private final AclAuthorization acls;
    private final Clock clock;

    AccessControl(UserPolicies users, BucketPolicies buckets, AclAuthorization acls, Clock clock) {
        this.users = users;
        this.buckets = buckets;
        this.acls = acls;
        this.clock = clock;
    }

    void authorize(S3Exchange ex, S3Operation op) throws S3Exception {
        if (ex.identity() instanceof Identity.Root) {
            return;
        }
        switch (op.check) {
            case PER_ITEM -> {
                return;
            }
            case LISTING -> {
                if (ex.isAnonymous()) {
                    throw new S3Exception(S3ErrorCode.AccessDenied);
                }
                return;
            }
            case ACTION, OBJECT_WRITE, COPY, COPY_PART -> {
                // authorized below
            }
        }
        String resource = switch (op.target) {
            case SERVICE -> AccessRequest.ANY_BUCKET_ARN;
            case BUCKET -> AccessRequest.bucketArn(ex.bucket());
            case OBJECT -> AccessRequest.objectArn(ex.bucket(), ex.key());
        };
        ConditionContext conditions = RequestConditions.of(ex, op, clock.instant());
        if (!allowed(ex, op.action(ex.query().has("versionId")), resource, ex.bucket(), conditions)) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        for (String extra : headerActions(ex, op)) {
            if (!allowed(ex, extra, resource, ex.bucket(), conditions)) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
        }
        if (op.check == S3Operation.Check.COPY || op.check == S3Operation.Check.COPY_PART) {
            authorizeCopySource(ex, op);
        }
    }

    /**
     * Actions a request's headers add to its operation's own (AWS, MinIO): bypassing governance retention, and
     * on writes setting retention, a legal hold or tags, each of which has its own permission. Without this a
     * key allowed only s3:PutObject could write a COMPLIANCE retention nobody can ever remove.
     */
    private static List<String> headerActions(S3Exchange ex, S3Operation op) {
        if (op.target != S3Operation.Target.OBJECT) {
            return List.of();
        }
        List<String> actions = new java.util.ArrayList<>(2);
        if (DeleteObject.bypassGovernance(ex)) {
            actions.add("s3:BypassGovernanceRetention");
        }
        if (op.check == S3Operation.Check.OBJECT_WRITE || op.check == S3Operation.Check.COPY) {
            if (ex.header("x-amz-object-lock-mode") != null || ex.header("x-amz-object-lock-retain-until-date") != null) {
                actions.add("s3:PutObjectRetention");
            }
            if (ex.header("x-amz-object-lock-legal-hold") != null) {
                actions.add("s3:PutObjectLegalHold");
            }
            if (ex.header("x-amz-tagging") != null) {
                actions.add("s3:PutObjectTagging");
            }
        }
        return actions;
    }

    /** A copy also reads its source: s3:GetObject (s3:GetObjectVersion for a version) on the source object. */
    private void authorizeCopySource(S3Exchange ex, S3Operation op) throws S3Exception {
        CopySourceHeader.Parsed src = CopySourceHeader.parse(ex.header("x-amz-copy-source"));
        authorizeObject(ex, op, src.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion", src.bucket(),
                src.key());
    }

    /**
     * A further check on an object other than the request's own, e.g. CopyObject's source ({@code s3:GetObject}
     * on {@code arn:aws:s3:::source-bucket/source-key}), with the request's condition keys.
     */
    void authorizeObject(S3Exchange ex, S3Operation op, String action, String bucket, String key) throws S3Exception {
        if (ex.identity() instanceof Identity.Root) {
            return;
        }
        ConditionContext conditions = RequestConditions.of(ex, op, clock.instant());
        if (!allowed(ex, action, AccessRequest.objectArn(bucket, key), bucket, conditions)) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
    }

    /** For DeleteObjects: whether {@code action} is allowed on each key of the request's bucket. */
    Predicate<String> objectAuthorizer(S3Exchange ex, S3Operation op, String action) {
        if (ex.identity() instanceof Identity.Root) {
            return key -> true;
        }
        ConditionContext conditions = RequestConditions.of(ex, op, clock.instant());
        return key -> allowed(ex, action, AccessRequest.objectArn(ex.bucket(), key), ex.bucket(), conditions);
    }

    /**
     * For ListBuckets. A caller allowed {@code s3:ListAllMyBuckets} sees every bucket (AWS); otherwise, as in
     * MinIO, it sees the buckets it may list ({@code s3:ListBucket}) or locate ({@code s3:GetBucketLocation}),
     * bucket policies included, so a user confined to one bucket still finds it in its client.
     */
    Predicate<String> bucketVisibility(S3Exchange ex) {
        if (ex.identity() instanceof Identity.Root) {
            return bucket -> true;
        }
        ConditionContext conditions = RequestConditions.of(ex, S3Operation.LIST_BUCKETS, clock.instant());
        if (allowed(ex, S3Operation.LIST_BUCKETS.action, AccessRequest.ANY_BUCKET_ARN, null, conditions)) {
            return bucket -> true;
        }
        return bucket -> allowed(ex, "s3:ListBucket", AccessRequest.bucketArn(bucket), bucket, conditions)
                || allowed(ex, "s3:GetBucketLocation", AccessRequest.bucketArn(bucket), bucket, conditions);
    }

    /**
     * Whether the caller may list the request's bucket. S3 answers a missing key with 404 only to callers that
     * could have listed it anyway; everyone else gets 403, so a public reader cannot probe which keys exist
     * ("If you don't have the s3:ListBucket permission, Amazon S3 returns an HTTP status code 403", GetObject).
     */
    boolean mayList(S3Exchange ex) {
        return ex.bucket() != null && allowed(ex, "s3:ListBucket", AccessRequest.bucketArn(ex.bucket()), ex.bucket(),
                RequestConditions.of(ex, S3Operation.LIST_OBJECTS, clock.instant()));
    }

    /**
     * The decision for one action on one resource. A service account's session policy can only narrow: the
     * request must also be allowed by it alone (MinIO's rule for service accounts with a policy).
     */
    private boolean allowed(S3Exchange ex, String action, String resource, String bucket,
                            ConditionContext conditions) {
        RequestPrincipal principal;
        Grants grants;
        switch (ex.identity()) {
            case Identity.Root r -> {
                return true;
            }
            case Identity.User u -> {
                Optional<Grants> g = users.policiesOf(u.accessKeyId());
                if (g.isEmpty()) {
                    return false;
                }
                principal = RequestPrincipal.user(u.userName(), u.accessKeyId());
                grants = g.get();
            }
            case Identity.Anonymous a -> {
                principal = RequestPrincipal.anonymous();
                grants = NO_GRANTS;
            }
        }
        Optional<PolicyDocument> bucketPolicy = bucket == null ? Optional.empty() : buckets.of(bucket);
        if (ex.isAnonymous() && bucketPolicy.isPresent() && buckets.restrictsPublic(bucket)
                && PolicyEvaluator.isPublic(bucketPolicy.get())) {
            // Block Public Access, RestrictPublicBuckets: a public policy grants callers outside the account nothing.
            bucketPolicy = Optional.empty();
        }
        AccessRequest request = new AccessRequest(action, resource, principal, conditions);
        if (!PolicyEvaluator.isAllowed(grants.identity(), bucketPolicy, request)) {
            return !explicitlyDenied(grants, bucketPolicy, request)
                    && acls.allows(ex.identity(), action, bucket, keyOf(resource, bucket), versionOf(ex, resource, bucket));
        }
        return grants.session().isEmpty()
                || PolicyEvaluator.evaluateIdentity(List.of(grants.session().get()), request) == Decision.ALLOW;
    }

    /** An explicit Deny in any policy wins over ACL grants too. */
    private static boolean explicitlyDenied(Grants grants, Optional<PolicyDocument> bucketPolicy, AccessRequest r) {
        return (!(r.principal() instanceof RequestPrincipal.Anonymous)
                && PolicyEvaluator.evaluateIdentity(grants.identity(), r) == Decision.EXPLICIT_DENY)
                || (bucketPolicy.isPresent()
                && PolicyEvaluator.evaluateResource(bucketPolicy.get(), r) == Decision.EXPLICIT_DENY);
    }

    private static String keyOf(String resource, String bucket) {
        String prefix = bucket == null ? null : AccessRequest.bucketArn(bucket) + "/";
        return prefix != null && resource.startsWith(prefix) ? resource.substring(prefix.length()) : null;
    }

    /** The version the request addresses, when the resource is the request's own key. */
    private static String versionOf(S3Exchange ex, String resource, String bucket) {
        String key = keyOf(resource, bucket);
        return key != null && key.equals(ex.key()) && bucket.equals(ex.bucket()) ? ex.query().get("versionId") : null;
    }
}
