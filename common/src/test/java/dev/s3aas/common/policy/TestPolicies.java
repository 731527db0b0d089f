package dev.s3aas.common.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the policy tests. */
final class TestPolicies {

    static final String BUCKET = "amzn-s3-demo-bucket";

    private TestPolicies() {
    }

    static PolicyDocument identity(String json) {
        return parse(json, PolicyValidation.forIdentity());
    }

    static PolicyDocument bucket(String json) {
        return parse(json, PolicyValidation.forBucket(BUCKET));
    }

    static PolicyDocument parse(String json, PolicyValidation validation) {
        try {
            return PolicyDocument.parse(json, validation);
        } catch (MalformedPolicyException e) {
            throw new AssertionError("policy should parse: " + e.getMessage(), e);
        }
    }

    /** A one-statement identity policy: {@code effect} of {@code action} on {@code resource}, with a condition. */
    static PolicyDocument identityStatement(String effect, String action, String resource, String conditionJson) {
        return identity(statementJson(effect, null, action, resource, conditionJson));
    }

    static String statementJson(String effect, String principal, String action, String resource,
                                String conditionJson) {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"")
                .append(effect).append('"');
        if (principal != null) {
            sb.append(",\"Principal\":").append(principal);
        }
        sb.append(",\"Action\":\"").append(action).append("\",\"Resource\":\"").append(resource).append('"');
        if (conditionJson != null) {
            sb.append(",\"Condition\":").append(conditionJson);
        }
        return sb.append("}]}").toString();
    }

    static String resource(String path) {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/policy/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource policy/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessRequest request(String action, String resource, RequestPrincipal principal) {
        return AccessRequest.of(action, resource, principal);
    }

    static AccessRequest request(String action, String resource, RequestPrincipal principal,
                                 ConditionContext conditions) {
        return new AccessRequest(action, resource, principal, conditions);
    }

    static RequestPrincipal.User alice() {
        return RequestPrincipal.user("alice", "AKIAALICE");
    }

    static RequestPrincipal.User bob() {
        return RequestPrincipal.user("bob", "AKIABOB");
    }
}
