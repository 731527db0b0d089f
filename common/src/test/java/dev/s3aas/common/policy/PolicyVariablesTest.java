package dev.s3aas.common.policy;

import static dev.s3aas.common.policy.ConditionOperatorTest.context;
import static dev.s3aas.common.policy.PolicyParserTest.j;
import static dev.s3aas.common.policy.TestPolicies.alice;
import static dev.s3aas.common.policy.TestPolicies.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy variables in Resource and Condition values (IAM policy elements: Variables and tags). */
class PolicyVariablesTest {

    private static final String BUCKET_ARN = "arn:aws:s3:::amzn-s3-demo-bucket";
    private static final PolicyDocument HOME = identity(TestPolicies.resource("identity/home-directory.json"));

    private static Decision decide(PolicyDocument p, String action, String resource, RequestPrincipal who,
                                   String... context) {
        return PolicyEvaluator.evaluateIdentity(List.of(p), new AccessRequest(action, resource, who, context(context)));
    }

    static Stream<Arguments> homeDirectory() {
        RequestPrincipal alice = alice();
        return Stream.of(
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of("s3:prefix=home/alice/"), true),
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of("s3:prefix=home/alice/photos/"), true),
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of("s3:prefix=home/alice"), true),
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of("s3:prefix=home/bob/"), false),
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of("s3:prefix=home/alicex/"), false),
                arguments("s3:ListBucket", BUCKET_ARN, alice, List.of(), false),
                arguments("s3:GetObject", BUCKET_ARN + "/home/alice/notes.txt", alice, List.of(), true),
                arguments("s3:PutObject", BUCKET_ARN + "/home/alice/a/b/c", alice, List.of(), true),
                arguments("s3:DeleteObject", BUCKET_ARN + "/home/bob/notes.txt", alice, List.of(), false),
                arguments("s3:GetObject", BUCKET_ARN + "/home/bob/notes.txt", TestPolicies.bob(), List.of(), true),
                arguments("s3:GetObject", BUCKET_ARN + "/home/alice/notes.txt", RequestPrincipal.anonymous(),
                        List.of(), false));
    }

    @ParameterizedTest(name = "{0} {1} by {2} with {3}: {4}")
    @MethodSource("homeDirectory")
    void homeDirectoryPolicyFromTheAwsDocs(String action, String resource, RequestPrincipal who, List<String> ctx,
                                           boolean expected) {
        assertThat(decide(HOME, action, resource, who, ctx.toArray(String[]::new)))
                .isEqualTo(expected ? Decision.ALLOW : Decision.NOT_APPLICABLE);
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                // escapes are literal characters, never wildcards
                arguments("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/*", true),
                arguments("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/x", false),
                arguments("arn:aws:s3:::b/a${?}", "arn:aws:s3:::b/a?", true),
                arguments("arn:aws:s3:::b/a${?}", "arn:aws:s3:::b/ab", false),
                arguments("arn:aws:s3:::b/${$}{x}", "arn:aws:s3:::b/${x}", true),
                // a substituted value is literal too
                arguments("arn:aws:s3:::b/${s3:prefix}/*", "arn:aws:s3:::b/a*/k", true),
                arguments("arn:aws:s3:::b/${s3:prefix}/*", "arn:aws:s3:::b/abc/k", false),
                // default values
                arguments("arn:aws:s3:::b/${s3:delimiter, 'none'}/*", "arn:aws:s3:::b/none/k", true),
                arguments("arn:aws:s3:::b/${s3:delimiter,'it''s'}", "arn:aws:s3:::b/it's", true),
                arguments("arn:aws:s3:::b/${s3:delimiter, '{x}'}/*", "arn:aws:s3:::b/{x}/k", true),
                // multivalued keys cannot be variables
                arguments("arn:aws:s3:::b/${aws:TagKeys}", "arn:aws:s3:::b/x", false),
                arguments("arn:aws:s3:::b/${aws:TagKeys, 'many'}", "arn:aws:s3:::b/many", true),
                // keys are case-insensitive in variables too
                arguments("arn:aws:s3:::b/${AWS:UserName}/*", "arn:aws:s3:::b/alice/k", true),
                arguments("arn:aws:s3:::b/${aws:userid}/*", "arn:aws:s3:::b/AKIAALICE/k", true),
                arguments("arn:aws:s3:::b/${aws:SourceIp}/*", "arn:aws:s3:::b/192.0.2.1/k", true));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @MethodSource("resources")
    void substitutesVariablesInResources(String pattern, String arn, boolean expected) {
        PolicyDocument p = identity(TestPolicies.statementJson("Allow", null, "s3:GetObject", pattern, null));
        assertThat(decide(p, "s3:GetObject", arn, alice(), "s3:prefix=a*", "aws:TagKeys=x|y",
                "aws:SourceIp=192.0.2.1")).isEqualTo(expected ? Decision.ALLOW : Decision.NOT_APPLICABLE);
    }

    @Test
    void substitutesVariablesInConditionValues() {
        PolicyDocument p = TestPolicies.identityStatement("Allow", "s3:ListBucket", BUCKET_ARN,
                j("{'StringEquals':{'s3:prefix':'users/${aws:username}/'}}"));
        assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, alice(), "s3:prefix=users/alice/")).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, alice(), "s3:prefix=users/bob/"))
                .isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void unresolvableVariableMakesAnAllowStatementNotApply() {
        PolicyDocument p = TestPolicies.identityStatement("Allow", "s3:ListBucket", BUCKET_ARN,
                j("{'StringNotEquals':{'s3:prefix':'${aws:username}'}}"));
        RequestPrincipal anonymous = RequestPrincipal.anonymous();
        assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, anonymous, "s3:prefix=x")).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, alice(), "s3:prefix=x")).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anUnresolvableValueDoesNotHideAMatchingOneWhateverTheirOrder() {
        RequestPrincipal anonymous = RequestPrincipal.anonymous();
        for (String values : List.of("['${aws:username}','public']", "['public','${aws:username}']")) {
            PolicyDocument p = TestPolicies.identityStatement("Allow", "s3:ListBucket", BUCKET_ARN,
                    j("{'StringEquals':{'s3:prefix':" + values + "}}"));
            assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, anonymous, "s3:prefix=public")).as(values)
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, anonymous, "s3:prefix=other")).as(values)
                    .isEqualTo(Decision.NOT_APPLICABLE);
            assertThat(decide(p, "s3:ListBucket", BUCKET_ARN, alice(), "s3:prefix=alice")).as(values)
                    .isEqualTo(Decision.ALLOW);
        }
    }

    @Test
    void unresolvableVariableMakesADenyStatementNotApply() {
        PolicyDocument p = identity(j("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':'s3:*',"
                + "'NotResource':'arn:aws:s3:::b/${s3:prefix}/*'}]}"));
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/other/k", alice(), "s3:prefix=mine"))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/mine/k", alice(), "s3:prefix=mine"))
                .isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(decide(p, "s3:GetObject", "arn:aws:s3:::b/other/k", alice())).isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void variablesAreLiteralTextInVersion2008() {
        PolicyDocument p = identity(TestPolicies.resource("identity/legacy-version.json"));
        assertThat(decide(p, "s3:GetObject", BUCKET_ARN + "/alice/k", alice())).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(decide(p, "s3:GetObject", BUCKET_ARN + "/${aws:username}/k", alice())).isEqualTo(Decision.ALLOW);
    }
}
