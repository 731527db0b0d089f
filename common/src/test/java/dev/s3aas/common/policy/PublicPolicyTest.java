package dev.s3aas.common.policy;

import static dev.s3aas.common.policy.PolicyParserTest.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GetBucketPolicyStatus: when is a bucket policy public ("The meaning of 'public'", S3 Block Public Access). */
class PublicPolicyTest {

    private static String policy(String effect, String principalElement, String condition) {
        return j("{'Version':'2012-10-17','Statement':[{'Effect':'" + effect + "'," + principalElement
                + ",'Action':'s3:GetObject','Resource':'arn:aws:s3:::amzn-s3-demo-bucket/*'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}]}");
    }

    static Stream<Arguments> cases() {
        String everyone = "'Principal':'*'";
        return Stream.of(
                arguments("Allow to *", policy("Allow", everyone, null), true),
                arguments("Allow to AWS *", policy("Allow", "'Principal':{'AWS':'*'}", null), true),
                arguments("Allow to a list containing *", policy("Allow", "'Principal':{'AWS':['alice','*']}", null), true),
                arguments("Allow to NotPrincipal", policy("Allow", "'NotPrincipal':{'AWS':'bob'}", null), true),
                arguments("Deny to *", policy("Deny", everyone, null), false),
                arguments("Allow to a named user", policy("Allow", "'Principal':{'AWS':'arn:aws:iam::1:user/alice'}", null), false),
                arguments("Allow to an account", policy("Allow", "'Principal':{'AWS':'111122223333'}", null), false),
                arguments("IP allow list", policy("Allow", everyone,
                        "{'IpAddress':{'aws:SourceIp':['192.0.2.0/24','2001:db8::/48']}}"), false),
                arguments("IP allow list too wide (v4)", policy("Allow", everyone,
                        "{'IpAddress':{'aws:SourceIp':['192.0.2.0/24','0.0.0.0/1']}}"), true),
                arguments("IP allow list too wide (v6)", policy("Allow", everyone,
                        "{'IpAddress':{'aws:SourceIp':'::/0'}}"), true),
                arguments("IP deny list only", policy("Allow", everyone,
                        "{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}"), true),
                arguments("IfExists does not restrict", policy("Allow", everyone,
                        "{'IpAddressIfExists':{'aws:SourceIp':'192.0.2.0/24'}}"), true),
                arguments("fixed source account", policy("Allow", everyone,
                        "{'StringEquals':{'aws:SourceAccount':'111122223333'}}"), false),
                arguments("fixed source ARN", policy("Allow", everyone,
                        "{'ArnEquals':{'aws:SourceArn':'arn:aws:cloudfront::111122223333:distribution/E1'}}"), false),
                arguments("fixed user name", policy("Allow", everyone,
                        "{'StringEquals':{'aws:username':['alice','bob']}}"), false),
                arguments("wildcard source account", policy("Allow", everyone,
                        "{'StringLike':{'aws:SourceAccount':'1111*'}}"), true),
                arguments("variable user id", policy("Allow", everyone,
                        "{'StringEquals':{'aws:userid':'${aws:username}'}}"), true),
                arguments("ForAllValues does not restrict", policy("Allow", everyone,
                        "{'ForAllValues:StringEquals':{'aws:SourceAccount':'111122223333'}}"), true),
                arguments("negated operator does not restrict", policy("Allow", everyone,
                        "{'StringNotEquals':{'aws:SourceAccount':'111122223333'}}"), true),
                arguments("condition on a request property only", policy("Allow", everyone,
                        "{'Bool':{'aws:SecureTransport':'true'}}"), true),
                arguments("referer is not a restriction", policy("Allow", everyone,
                        "{'StringLike':{'aws:Referer':'http://example.com/*'}}"), true),
                arguments("one restricting condition among several", policy("Allow", everyone,
                        "{'Bool':{'aws:SecureTransport':'true'},'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"), false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void decidesWhetherABucketPolicyIsPublic(String description, String json, boolean expected) {
        assertThat(PolicyEvaluator.isPublic(TestPolicies.bucket(json))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public-read", "referer"})
    void awsPublicExamplesArePublic(String name) {
        assertThat(PolicyEvaluator.isPublic(TestPolicies.bucket(TestPolicies.resource("bucket/" + name + ".json"))))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ip-allow-list", "require-tls", "require-sse", "grant-user", "object-tag",
            "bucket-owner-full-control"})
    void awsNonPublicExamplesAreNotPublic(String name) {
        assertThat(PolicyEvaluator.isPublic(TestPolicies.bucket(TestPolicies.resource("bucket/" + name + ".json"))))
                .isFalse();
    }
}
