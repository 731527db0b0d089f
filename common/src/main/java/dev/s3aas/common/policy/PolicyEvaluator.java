package dev.s3aas.common.policy;

import java.util.List;
import java.util.Optional;

/**
 * Decides requests against parsed policies, following IAM "Policy evaluation logic" for a single account:
 * an explicit Deny in any applicable statement wins; otherwise an Allow from either the caller's identity
 * policies or the bucket policy grants access; otherwise the request is implicitly denied.
 *
 * <p>Evaluation does not allocate for statements whose action does not match the request, and compiles
 * nothing: patterns are compiled when the policy is parsed.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /**
     * Evaluates identity policies (those attached to the calling user). Their statements have no
     * Principal: they apply to whoever they are attached to.
     */
    public static Decision evaluateIdentity(List<PolicyDocument> policies, AccessRequest request) {
        boolean allowed = false;
        for (int i = 0; i < policies.size(); i++) {
            switch (evaluate(policies.get(i), request, false)) {
                case EXPLICIT_DENY -> {
                    return Decision.EXPLICIT_DENY;
                }
                case ALLOW -> allowed = true;
                case NOT_APPLICABLE -> {
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.NOT_APPLICABLE;
    }

    /**
     * Evaluates a resource (bucket) policy. A statement applies only if its Principal covers the caller
     * ({@code "*"} and {@code {"AWS": "*"}} cover everyone, anonymous callers included) or its NotPrincipal
     * does not name the caller; a statement with neither applies to no one.
     */
    public static Decision evaluateResource(PolicyDocument bucketPolicy, AccessRequest request) {
        return evaluate(bucketPolicy, request, true);
    }

    /**
     * The final answer for a request. {@link RequestPrincipal.Root} is always allowed without evaluating
     * anything (like the AWS account root user, policies cannot restrict it). Identity policies are not
     * consulted for anonymous requests, which have no identity.
     */
    public static boolean isAllowed(List<PolicyDocument> identityPolicies, Optional<PolicyDocument> bucketPolicy,
                                    AccessRequest request) {
        Decision identity;
        switch (request.principal()) {
            case RequestPrincipal.Root root -> {
                return true;
            }
            case RequestPrincipal.Anonymous anonymous -> identity = Decision.NOT_APPLICABLE;
            case RequestPrincipal.User user -> identity = evaluateIdentity(identityPolicies, request);
        }
        if (identity == Decision.EXPLICIT_DENY) {
            return false;
        }
        Decision resource = bucketPolicy.isPresent()
                ? evaluateResource(bucketPolicy.get(), request) : Decision.NOT_APPLICABLE;
        return switch (resource) {
            case EXPLICIT_DENY -> false;
            case ALLOW -> true;
            case NOT_APPLICABLE -> identity == Decision.ALLOW;
        };
    }

    /**
     * Whether a bucket policy makes the bucket public, for GetBucketPolicyStatus ({@code IsPublic}); see
     * {@link PublicPolicyCheck} for the rules.
     */
    public static boolean isPublic(PolicyDocument bucketPolicy) {
        return PublicPolicyCheck.isPublic(bucketPolicy);
    }

    private static Decision evaluate(PolicyDocument policy, AccessRequest request, boolean resourcePolicy) {
        List<Statement> statements = policy.statements();
        boolean allowed = false;
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.applies(request, resourcePolicy)) {
                switch (s.effect()) {
                    case DENY -> {
                        return Decision.EXPLICIT_DENY;
                    }
                    case ALLOW -> allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.NOT_APPLICABLE;
    }
}
