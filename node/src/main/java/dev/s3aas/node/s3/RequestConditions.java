package dev.s3aas.node.s3;

import dev.s3aas.common.policy.ConditionContext;
import dev.s3aas.common.policy.ConditionKeys;
import dev.s3aas.common.sigv4.AuthResult;
import java.time.Instant;

/**
 * The condition keys of one request ("Actions, resources, and condition keys for Amazon S3" and the IAM
 * global condition keys). Built once per request, only for callers whose access is actually evaluated.
 * {@code aws:username} and {@code aws:userid} come from the principal (see {@code AccessRequest}).
 */
final class RequestConditions {
    private RequestConditions() {}

    static ConditionContext of(S3Exchange ex, S3Operation op, Instant now) {
        ConditionContext.Builder b = ConditionContext.builder()
                .put(ConditionKeys.SOURCE_IP, ex.remoteAddress())
                .put(ConditionKeys.SECURE_TRANSPORT, String.valueOf(ex.isSecure()))
                .put(ConditionKeys.CURRENT_TIME, now.toString())
                .put(ConditionKeys.EPOCH_TIME, String.valueOf(now.getEpochSecond()));
        putIfPresent(b, ConditionKeys.USER_AGENT, ex.header("User-Agent"));
        putIfPresent(b, ConditionKeys.REFERER, ex.header("Referer"));
        putIfPresent(b, ConditionKeys.SERVER_SIDE_ENCRYPTION, ex.header("x-amz-server-side-encryption"));
        putIfPresent(b, ConditionKeys.ACL, ex.header("x-amz-acl"));
        putIfPresent(b, ConditionKeys.VERSION_ID, ex.query().get("versionId"));
        if (isListing(ex, op)) {
            // A listing without a prefix lists from the top: s3:prefix is "" then, which is what the AWS
            // examples grant with {"StringEquals": {"s3:prefix": [""]}} for the bucket's root.
            String prefix = ex.query().get("prefix");
            b.put(ConditionKeys.PREFIX, prefix == null ? "" : prefix);
            putIfPresent(b, ConditionKeys.DELIMITER, ex.query().get("delimiter"));
            putIfPresent(b, ConditionKeys.MAX_KEYS, ex.query().get("max-keys"));
        }
        if (ex.auth() instanceof AuthResult.Authenticated a) {
            b.put(ConditionKeys.SIGNATURE_VERSION, switch (a.version()) {
                case V2 -> "AWS";
                case V4 -> "AWS4-HMAC-SHA256";
            });
            b.put(ConditionKeys.AUTH_TYPE, a.presigned() ? "REST-QUERY-STRING" : "REST-HEADER");
        }
        return b.build();
    }

    /** GET on a bucket for one of the listing actions (not HeadBucket, which shares s3:ListBucket). */
    private static boolean isListing(S3Exchange ex, S3Operation op) {
        return op.target == S3Operation.Target.BUCKET && "GET".equals(ex.method())
                && op.action.startsWith("s3:ListBucket");
    }

    private static void putIfPresent(ConditionContext.Builder b, String key, String value) {
        if (value != null) {
            b.put(key, value);
        }
    }
}
