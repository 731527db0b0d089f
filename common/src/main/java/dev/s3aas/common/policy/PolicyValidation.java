package dev.s3aas.common.policy;

import java.util.Objects;

/**
 * The rules that depend on where a policy is attached, on top of the grammar every policy obeys.
 *
 * <ul>
 *   <li>{@link #forIdentity()}: a policy attached to a user. AWS rejects a Principal there ("Policy document
 *       should not specify a principal"): the principal is whoever the policy is attached to.</li>
 *   <li>{@link #forS3Identity()}: a policy attached to a user by a tenant, who must not be able to hand out
 *       the node's administrative rights: as {@link #forIdentity()}, but an Allow statement may only name S3
 *       actions ({@code s3:...}). {@code "*"} and a NotAction Allow would also grant {@code admin:*} and
 *       {@code kms:*} and are refused. Deny statements are not restricted: they can only take rights away.</li>
 *   <li>{@link #forBucket(String)}: a bucket policy. It must say whom each statement is for (Principal or
 *       NotPrincipal), may only grant S3 actions, and every Resource must be the bucket itself or an object
 *       in it, else AWS answers "Policy has invalid resource".</li>
 *   <li>{@link #generic()}: grammar only, for tools that inspect a policy without attaching it.</li>
 * </ul>
 */
public sealed interface PolicyValidation {

    static PolicyValidation forIdentity() {
        return Identity.ANY_ACTION;
    }

    static PolicyValidation forS3Identity() {
        return Identity.S3_ONLY;
    }

    static PolicyValidation forBucket(String bucketName) {
        return new Bucket(bucketName);
    }

    static PolicyValidation generic() {
        return Generic.INSTANCE;
    }

    /** Identity (user) policy; {@code s3Only}: Allow statements may grant S3 actions only. */
    record Identity(boolean s3Only) implements PolicyValidation {
        static final Identity ANY_ACTION = new Identity(false);
        static final Identity S3_ONLY = new Identity(true);
    }

    /** Bucket policy of {@code bucketName}. */
    record Bucket(String bucketName) implements PolicyValidation {
        public Bucket {
            Objects.requireNonNull(bucketName, "bucketName");
            if (bucketName.isEmpty() || bucketName.indexOf('/') >= 0 || Glob.hasWildcard(bucketName)) {
                throw new IllegalArgumentException("not a bucket name: \"" + bucketName + "\"");
            }
        }

        String bucketArn() {
            return "arn:aws:s3:::" + bucketName;
        }
    }

    /** Grammar only. */
    record Generic() implements PolicyValidation {
        static final Generic INSTANCE = new Generic();
    }
}
