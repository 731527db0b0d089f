package dev.s3aas.common.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated IAM policy document. Parse once (when the policy is stored or loaded), evaluate
 * many times with {@link PolicyEvaluator}; instances are immutable and thread-safe.
 *
 * <p>Documents are limited to {@link #MAX_SIZE_BYTES} bytes of UTF-8 (20 KiB, the S3 bucket policy limit;
 * AWS's smaller 6,144-character limit for managed identity policies is not enforced).
 */
public final class PolicyDocument {

    /** The largest document accepted, in bytes of UTF-8; a caller may reject larger bodies before parsing. */
    public static final int MAX_SIZE_BYTES = 20 * 1024;

    private final String json;
    private final String version;
    private final String id;
    private final List<Statement> statements;
    private volatile String normalized;

    PolicyDocument(String json, String version, String id, List<Statement> statements) {
        this.json = json;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /** Parses {@code json} checking the policy grammar only; see {@link PolicyValidation#generic()}. */
    public static PolicyDocument parse(String json) throws MalformedPolicyException {
        return parse(json, PolicyValidation.generic());
    }

    /**
     * Parses {@code json} and checks the rules of where it will be attached, e.g.
     * {@code PolicyDocument.parse(body, PolicyValidation.forBucket("photos"))} for PutBucketPolicy.
     */
    public static PolicyDocument parse(String json, PolicyValidation validation) throws MalformedPolicyException {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(validation, "validation");
        return PolicyParser.parse(json, validation);
    }

    /** The document exactly as submitted: what GetBucketPolicy returns and what is stored. */
    public String json() {
        return json;
    }

    /**
     * A canonical rendering: compact JSON, fixed element order, every list as a JSON array and every
     * condition value as a string. Two documents with the same meaning and the same element order in their
     * lists render the same.
     */
    public String normalizedJson() {
        String n = normalized;
        if (n == null) {
            n = PolicyJson.render(this);
            normalized = n;
        }
        return n;
    }

    /** {@code 2012-10-17} or {@code 2008-10-17} (also when the document omits Version). */
    public String version() {
        return version;
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    List<Statement> statements() {
        return statements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyDocument d && d.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
