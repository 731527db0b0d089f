package dev.s3aas.common.policy;

import java.util.Objects;

/**
 * The rules that depend on where a policy is attached, on top of the grammar every policy obeys.
 *
 * <ul>
 *   <li>{@link #forIdentity()}: a policy attached to a user. AWS rejects a Principal there ("Policy document
 *       should not specify a principal"): the principal is whoever the policy is attached to.</li>
 *   <li>{@link #forBucket(String)}: a bucket policy. It must say whom each statement is for (Principal or
 *       NotPrincipal), may only grant S3 actions, and every Resource must be the bucket itself or an object
 *       in it, else AWS answers "Policy has invalid resource".</li>
 *   <li>{@link #generic()}: grammar only, for tools that inspect a policy without attaching it.</li>
 * </ul>
 */
public sealed interface PolicyValidation {

    static PolicyValidation forIdentity() {
        return Identity.INSTANCE;
    }

    static PolicyValidation forBucket(String bucketName) {
        return new Bucket(bucketName);
    }

    static PolicyValidation generic() {
        return Generic.INSTANCE;
    }

    /** Identity (user) policy. */
    record Identity() implements PolicyValidation {
        static final Identity INSTANCE = new Identity();
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
