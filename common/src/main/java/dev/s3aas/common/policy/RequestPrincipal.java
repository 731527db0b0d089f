package dev.s3aas.common.policy;

import java.util.Objects;

/** Who sends a request, as far as policy evaluation cares. */
public sealed interface RequestPrincipal {

    static RequestPrincipal anonymous() {
        return Anonymous.INSTANCE;
    }

    static RequestPrincipal root() {
        return Root.INSTANCE;
    }

    static User user(String name, String accessKeyId) {
        return new User(name, accessKeyId);
    }

    /**
     * An unsigned request. Only bucket-policy statements whose Principal is {@code "*"} or
     * {@code {"AWS": "*"}} (or a NotPrincipal) apply to it; identity policies never do.
     */
    record Anonymous() implements RequestPrincipal {
        static final Anonymous INSTANCE = new Anonymous();
    }

    /**
     * A user of the instance, signing with {@code accessKeyId}. Policies name it by user name, by IAM user
     * ARN ({@code arn:aws:iam::<any account>:user/<path/>name}) or by access key id.
     */
    record User(String name, String accessKeyId) implements RequestPrincipal {
        public User {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            if (name.isEmpty() || accessKeyId.isEmpty()) {
                throw new IllegalArgumentException("user name and access key id must not be empty");
            }
        }
    }

    /**
     * The instance owner's root credentials. Like the AWS account root user, root is allowed everything and
     * no policy can deny it: policies are never evaluated for root (see {@link PolicyEvaluator#isAllowed}).
     */
    record Root() implements RequestPrincipal {
        static final Root INSTANCE = new Root();
    }
}
