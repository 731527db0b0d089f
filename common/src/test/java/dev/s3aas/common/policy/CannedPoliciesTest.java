package dev.s3aas.common.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CannedPoliciesTest {

    private static final String OBJECT = "arn:aws:s3:::photos/2024/cat.jpg";
    private static final String BUCKET = "arn:aws:s3:::photos";

    static Stream<Arguments> behaviour() {
        return Stream.of(
                arguments("readonly", "s3:GetObject", OBJECT, true),
                arguments("readonly", "s3:GetBucketLocation", BUCKET, true),
                arguments("readonly", "s3:PutObject", OBJECT, false),
                arguments("readonly", "s3:ListBucket", BUCKET, false),
                arguments("readonly", "s3:DeleteObject", OBJECT, false),
                arguments("writeonly", "s3:PutObject", OBJECT, true),
                arguments("writeonly", "s3:GetObject", OBJECT, false),
                arguments("writeonly", "s3:ListBucket", BUCKET, false),
                arguments("readwrite", "s3:GetObject", OBJECT, true),
                arguments("readwrite", "s3:PutObject", OBJECT, true),
                arguments("readwrite", "s3:DeleteBucket", BUCKET, true),
                arguments("readwrite", "s3:PutBucketPolicy", BUCKET, true),
                arguments("readwrite", "s3:ListAllMyBuckets", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("readwrite", "admin:ServerInfo", AccessRequest.ANY_BUCKET_ARN, false),
                arguments("readwrite", "admin:CreateUser", "*", false),
                arguments("readwrite", "kms:CreateKey", "*", false),
                arguments("diagnostics", "admin:ServerTrace", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("diagnostics", "admin:Prometheus", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("diagnostics", "admin:OBDInfo", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("diagnostics", "admin:CreateUser", AccessRequest.ANY_BUCKET_ARN, false),
                arguments("diagnostics", "s3:GetObject", OBJECT, false),
                arguments("consoleAdmin", "admin:CreateUser", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("consoleAdmin", "admin:ServerInfo", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("consoleAdmin", "kms:CreateKey", AccessRequest.ANY_BUCKET_ARN, true),
                arguments("consoleAdmin", "s3:DeleteObject", OBJECT, true));
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @MethodSource("behaviour")
    void cannedPoliciesBehaveAsNamed(String name, String action, String resource, boolean expected) {
        PolicyDocument policy = CannedPolicies.get(name).orElseThrow();
        AccessRequest r = AccessRequest.of(action, resource, TestPolicies.alice());
        assertThat(PolicyEvaluator.isAllowed(List.of(policy), Optional.empty(), r)).isEqualTo(expected);
    }

    @Test
    void listsTheMinioBuiltIns() {
        assertThat(CannedPolicies.all()).containsOnlyKeys("readwrite", "readonly", "writeonly", "diagnostics",
                "consoleAdmin");
        assertThat(CannedPolicies.get("ReadOnly")).isEmpty();
        assertThat(CannedPolicies.readonly().json()).contains("\"s3:GetBucketLocation\",\"s3:GetObject\"");
        assertThat(CannedPolicies.readwrite()).isSameAs(CannedPolicies.get("readwrite").orElseThrow());
        assertThat(CannedPolicies.writeonly().statements()).hasSize(1);
        assertThat(CannedPolicies.diagnostics().statements()).hasSize(1);
        assertThat(CannedPolicies.consoleAdmin().statements()).hasSize(3);
    }

    @Test
    void cannedJsonParsesBackToTheSameDocument() throws Exception {
        for (PolicyDocument p : CannedPolicies.all().values()) {
            PolicyDocument again = PolicyDocument.parse(p.json(), PolicyValidation.forIdentity());
            assertThat(again.normalizedJson()).isEqualTo(p.normalizedJson());
        }
    }
}
