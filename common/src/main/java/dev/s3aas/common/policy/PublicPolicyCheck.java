package dev.s3aas.common.policy;

import java.util.Set;

/**
 * Whether a bucket policy is public, for GetBucketPolicyStatus. This follows, as a subset, "The meaning of
 * 'public'" in the S3 Block Public Access docs: a policy is public if some Allow statement grants access
 * to everyone without a condition that pins the caller to fixed values.
 *
 * <p>A statement is public when all of these hold:
 * <ul>
 *   <li>its Effect is Allow (Deny statements never grant anything);</li>
 *   <li>its principal covers everyone: {@code "*"}, an {@code AWS} / {@code CanonicalUser} entry {@code "*"},
 *       or any NotPrincipal (everyone but a few is still the public);</li>
 *   <li>none of its conditions restricts the caller. A condition restricts when it is a positive operator
 *       without {@code IfExists} and without {@code ForAllValues:} (those pass when the key is absent) and
 *       either
 *       <ul>
 *         <li>it is {@code IpAddress} on {@code aws:SourceIp} and every CIDR is at least a /8 (IPv4) or a
 *             /32 (IPv6) — the prefix thresholds are this system's choice, wider blocks are as good as
 *             everyone; or</li>
 *         <li>it compares one of the keys AWS lists as fixing the caller ({@code aws:SourceArn},
 *             {@code aws:SourceVpc}, {@code aws:SourceVpce}, {@code aws:SourceOwner},
 *             {@code aws:SourceAccount}, {@code aws:PrincipalAccount}, {@code aws:PrincipalOrgID},
 *             {@code aws:PrincipalArn}, {@code aws:userid},
 *             {@code s3:x-amz-server-side-encryption-aws-kms-key-id}), plus {@code aws:username} here
 *             since users are named, with a String or Arn operator to values that have no wildcard and no
 *             policy variable.</li>
 *       </ul></li>
 * </ul>
 * Unlike S3, the set of actions granted is not considered: any action granted to the public makes the
 * policy public.
 */
final class PublicPolicyCheck {

    private static final Set<String> FIXING_KEYS = Set.of(
            "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner", "aws:sourceaccount",
            "aws:principalaccount", "aws:principalorgid", "aws:principalarn", "aws:userid", "aws:username",
            "s3:x-amz-server-side-encryption-aws-kms-key-id");
    private static final int MIN_IPV4_PREFIX = 8;
    private static final int MIN_IPV6_PREFIX = 32;

    private PublicPolicyCheck() {
    }

    static boolean isPublic(PolicyDocument policy) {
        for (Statement s : policy.statements()) {
            if (s.effect() == Effect.ALLOW && grantsEveryone(s.principals())
                    && s.conditions().stream().noneMatch(PublicPolicyCheck::restricts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grantsEveryone(PrincipalSet principals) {
        return principals != null && (principals.negated() || principals.everyone());
    }

    private static boolean restricts(Condition c) {
        if (c.ifExists() || c.qualifier() == Condition.Qualifier.FOR_ALL_VALUES || c.operator().negated) {
            return false;
        }
        if (c.operator() == ConditionOperator.IP_ADDRESS && c.normalizedKey().equals("aws:sourceip")) {
            return c.values().stream().allMatch(PublicPolicyCheck::narrow);
        }
        boolean comparesText = switch (c.operator().test) {
            case EQUALS, EQUALS_IGNORE_CASE, LIKE, ARN -> true;
            case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
                 DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BOOL, BINARY, IP, NULL -> false;
        };
        return comparesText && FIXING_KEYS.contains(c.normalizedKey())
                && c.rawValues().stream().noneMatch(v -> Glob.hasWildcard(v) || v.contains("${"));
    }

    private static boolean narrow(ConditionValue v) {
        return v instanceof ConditionValue.Ip ip
                && ip.range().prefixLength() >= (ip.range().isIpv4() ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX);
    }
}
