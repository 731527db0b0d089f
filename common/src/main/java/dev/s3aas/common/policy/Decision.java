package dev.s3aas.common.policy;

/** The outcome of evaluating one set of policies against a request (IAM "Policy evaluation logic"). */
public enum Decision {
    /** At least one applicable statement allows the request and none denies it. */
    ALLOW,
    /** An applicable statement denies the request; nothing can override this. */
    EXPLICIT_DENY,
    /** No statement applies: an implicit deny unless another policy allows the request. */
    NOT_APPLICABLE
}
