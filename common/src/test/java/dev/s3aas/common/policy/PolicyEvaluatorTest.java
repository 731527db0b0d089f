package dev.s3aas.common.policy;

import static dev.s3aas.common.policy.PolicyParserTest.j;
import static dev.s3aas.common.policy.TestPolicies.alice;
import static dev.s3aas.common.policy.TestPolicies.bob;
import static dev.s3aas.common.policy.TestPolicies.bucket;
import static dev.s3aas.common.policy.TestPolicies.identity;
import static dev.s3aas.common.policy.TestPolicies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyEvaluatorTest {

    private static final String OBJECT = "arn:aws:s3:::amzn-s3-demo-bucket/photos/cat.jpg";
    private static final String BUCKET_ARN = "arn:aws:s3:::amzn-s3-demo-bucket";
    private static final RequestPrincipal ANONYMOUS = RequestPrincipal.anonymous();

    private static final PolicyDocument ALLOW_ALL_S3 = identity(j("{'Version':'2012-10-17','Statement':"
            + "[{'Effect':'Allow','Action':'s3:*','Resource':'*'}]}"));
    private static final PolicyDocument DENY_DELETE = identity(j("{'Version':'2012-10-17','Statement':"
            + "[{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'arn:aws:s3:::amzn-s3-demo-bucket/*'}]}"));

    private static PolicyDocument bucketStatement(String effect, String principal, String action) {
        return bucket(TestPolicies.statementJson(effect, principal, action, BUCKET_ARN + "/*", null));
    }

    @Test
    void explicitDenyInIdentityPolicyBeatsAllowInAnotherIdentityPolicy() {
        AccessRequest delete = request("s3:DeleteObject", OBJECT, alice());
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(ALLOW_ALL_S3, DENY_DELETE), delete))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(DENY_DELETE, ALLOW_ALL_S3), delete))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3, DENY_DELETE), Optional.empty(), delete)).isFalse();
    }

    @Test
    void explicitDenyInBucketPolicyBeatsAllowInIdentityPolicy() {
        PolicyDocument denyAlice = bucketStatement("Deny", "{\"AWS\":\"alice\"}", "s3:GetObject");
        AccessRequest get = request("s3:GetObject", OBJECT, alice());
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(ALLOW_ALL_S3), get)).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateResource(denyAlice, get)).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.of(denyAlice), get)).isFalse();
        // bob is not named by the Deny
        AccessRequest bobGet = request("s3:GetObject", OBJECT, bob());
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.of(denyAlice), bobGet)).isTrue();
    }

    @Test
    void explicitDenyInIdentityPolicyBeatsAllowInBucketPolicy() {
        PolicyDocument allowEveryone = bucketStatement("Allow", "\"*\"", "s3:*");
        AccessRequest delete = request("s3:DeleteObject", OBJECT, alice());
        assertThat(PolicyEvaluator.isAllowed(List.of(DENY_DELETE), Optional.of(allowEveryone), delete)).isFalse();
        assertThat(PolicyEvaluator.isAllowed(List.of(DENY_DELETE), Optional.of(allowEveryone),
                request("s3:PutObject", OBJECT, alice()))).isTrue();
    }

    @Test
    void allowFromEitherSideIsEnough() {
        PolicyDocument allowAlice = bucketStatement("Allow", "{\"AWS\":\"alice\"}", "s3:GetObject");
        AccessRequest get = request("s3:GetObject", OBJECT, alice());
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(allowAlice), get)).isTrue();
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.empty(), get)).isTrue();
    }

    @Test
    void implicitDenyWhenNothingApplies() {
        AccessRequest get = request("s3:GetObject", OBJECT, alice());
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(), get)).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(DENY_DELETE), get)).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.empty(), get)).isFalse();
        assertThat(PolicyEvaluator.isAllowed(List.of(DENY_DELETE), Optional.empty(), get)).isFalse();
        PolicyDocument allowBob = bucketStatement("Allow", "{\"AWS\":\"bob\"}", "s3:GetObject");
        assertThat(PolicyEvaluator.evaluateResource(allowBob, get)).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(allowBob), get)).isFalse();
    }

    @Test
    void rootIsAlwaysAllowed() {
        PolicyDocument denyAll = bucketStatement("Deny", "\"*\"", "s3:*");
        AccessRequest delete = request("s3:DeleteObject", OBJECT, RequestPrincipal.root());
        assertThat(PolicyEvaluator.isAllowed(List.of(DENY_DELETE), Optional.of(denyAll), delete)).isTrue();
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.empty(),
                request("admin:ServerInfo", "*", RequestPrincipal.root()))).isTrue();
    }

    @Test
    void anonymousRequestsAreAllowedOnlyByEveryoneStatementsInBucketPolicies() {
        AccessRequest get = request("s3:GetObject", OBJECT, ANONYMOUS);
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.empty(), get))
                .as("identity policies never apply to anonymous requests").isFalse();
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(bucketStatement("Allow", "{\"AWS\":\"alice\"}",
                "s3:GetObject")), get)).isFalse();
        PolicyDocument publicRead = bucket(TestPolicies.resource("bucket/public-read.json"));
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(publicRead), get)).isTrue();
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(publicRead),
                request("s3:PutObject", OBJECT, ANONYMOUS))).isFalse();
        assertThat(PolicyEvaluator.isAllowed(List.of(), Optional.of(bucketStatement("Allow", "{\"AWS\":\"*\"}",
                "s3:GetObject")), get)).isTrue();
    }

    @Test
    void resourcePolicyStatementsWithoutPrincipalApplyToNoOne() throws Exception {
        PolicyDocument noPrincipal = PolicyDocument.parse(TestPolicies.statementJson("Allow", null, "s3:*",
                "*", null));
        assertThat(PolicyEvaluator.evaluateResource(noPrincipal, request("s3:GetObject", OBJECT, alice())))
                .isEqualTo(Decision.NOT_APPLICABLE);
    }

    static Stream<Arguments> actionPatterns() {
        return Stream.of(
                arguments("s3:GetObject", "s3:GetObject", true),
                arguments("s3:GetObject", "s3:getobject", true),
                arguments("S3:GETOBJECT", "s3:GetObject", true),
                arguments("s3:GetObject", "s3:GetObjectAcl", false),
                arguments("s3:Get*", "s3:GetObject", true),
                arguments("s3:Get*", "s3:GetBucketPolicy", true),
                arguments("s3:Get*", "s3:PutObject", false),
                arguments("s3:*Object", "s3:GetObject", true),
                arguments("s3:*Object", "s3:DeleteObject", true),
                arguments("s3:*Object", "s3:ListBucket", false),
                arguments("s3:*Object", "s3:GetObjectTagging", false),
                arguments("s3:?etObject", "s3:GetObject", true),
                arguments("s3:?etObject", "s3:PutObject", false),
                arguments("s3:List*", "s3:ListBucketMultipartUploads", true),
                arguments("s3:*", "admin:ServerInfo", false),
                arguments("*", "admin:ServerInfo", true),
                arguments("*", "s3:PutObject", true),
                arguments("admin:*", "admin:CreateUser", true),
                // actions the catalogue does not know still match patterns
                arguments("s3:*", "s3:SomeFutureAction", true),
                arguments("s3:Get*", "s3:SomeFutureAction", false),
                arguments("s3:Get*", "s3:GetFuture", true));
    }

    @ParameterizedTest(name = "Action {0} covers {1}: {2}")
    @MethodSource("actionPatterns")
    void matchesActionsCaseInsensitivelyWithWildcards(String pattern, String action, boolean expected) {
        PolicyDocument p = identity(TestPolicies.statementJson("Allow", null, pattern, "*", null));
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p), request(action, OBJECT, alice())))
                .isEqualTo(expected ? Decision.ALLOW : Decision.NOT_APPLICABLE);
    }

    static Stream<Arguments> resourcePatterns() {
        return Stream.of(
                arguments("arn:aws:s3:::bucket/home/*", "arn:aws:s3:::bucket/home/a/b/c.txt", true),
                arguments("arn:aws:s3:::bucket/home/*", "arn:aws:s3:::bucket/home/", true),
                arguments("arn:aws:s3:::bucket/home/*", "arn:aws:s3:::bucket/homer", false),
                arguments("arn:aws:s3:::bucket/home/*", "arn:aws:s3:::bucket", false),
                arguments("arn:aws:s3:::bucket/*/thumbs/*", "arn:aws:s3:::bucket/a/b/thumbs/x.png", true),
                arguments("arn:aws:s3:::bucket/*.jpg", "arn:aws:s3:::bucket/a/b.jpg", true),
                arguments("arn:aws:s3:::bucket/*.jpg", "arn:aws:s3:::bucket/a/b.jpeg", false),
                arguments("arn:aws:s3:::bucket/file?.txt", "arn:aws:s3:::bucket/file1.txt", true),
                arguments("arn:aws:s3:::bucket/file?.txt", "arn:aws:s3:::bucket/file12.txt", false),
                arguments("arn:aws:s3:::bucket/file?.txt", "arn:aws:s3:::bucket/file.txt", false),
                arguments("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false),
                arguments("arn:aws:s3:::bucket/Key", "arn:aws:s3:::bucket/key", false),
                arguments("arn:aws:s3:::bucket", "arn:aws:s3:::bucket", true),
                arguments("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/x", false),
                arguments("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket-2/x", true),
                arguments("arn:aws:s3:::*", "arn:aws:s3:::bucket/x/y", true),
                arguments("arn:aws:s3:::*/*", "arn:aws:s3:::bucket", false),
                arguments("*", "arn:aws:s3:::bucket/x", true),
                arguments("*", "*", true),
                arguments("arn:aws:s3:::*", "*", false));
    }

    @ParameterizedTest(name = "Resource {0} covers {1}: {2}")
    @MethodSource("resourcePatterns")
    void matchesResourcesCaseSensitivelyWithWildcards(String pattern, String arn, boolean expected) {
        PolicyDocument p = identity(TestPolicies.statementJson("Allow", null, "s3:GetObject", pattern, null));
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p), request("s3:GetObject", arn, alice())))
                .isEqualTo(expected ? Decision.ALLOW : Decision.NOT_APPLICABLE);
    }

    @Test
    void notActionCoversEveryOtherAction() {
        PolicyDocument p = identity(j("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'NotAction':['s3:DeleteObject','s3:DeleteObjectVersion'],'Resource':'*'}]}"));
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p), request("s3:GetObject", OBJECT, alice())))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p), request("s3:DeleteObject", OBJECT, alice())))
                .isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p), request("admin:ServerInfo", "*", alice())))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void notResourceCoversEveryOtherResource() {
        PolicyDocument p = identity(j("{'Version':'2012-10-17','Statement':["
                + "{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::amzn-s3-demo-bucket/public/*']}]}"));
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p),
                request("s3:GetObject", BUCKET_ARN + "/public/a.txt", alice()))).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(p),
                request("s3:GetObject", BUCKET_ARN + "/private/a.txt", alice()))).isEqualTo(Decision.EXPLICIT_DENY);
    }

    static Stream<Arguments> principals() {
        RequestPrincipal.User alice = alice();
        return Stream.of(
                arguments("\"*\"", ANONYMOUS, true),
                arguments("\"*\"", alice, true),
                arguments("{\"AWS\":\"*\"}", ANONYMOUS, true),
                arguments("{\"AWS\":[\"bob\",\"*\"]}", ANONYMOUS, true),
                arguments("{\"AWS\":\"alice\"}", alice, true),
                arguments("{\"AWS\":\"alice\"}", bob(), false),
                arguments("{\"AWS\":\"alice\"}", ANONYMOUS, false),
                arguments("{\"AWS\":\"AKIAALICE\"}", alice, true),
                arguments("{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"}", alice, true),
                arguments("{\"AWS\":\"arn:aws:iam::999999999999:user/division/alice\"}", alice, true),
                arguments("{\"AWS\":\"arn:aws:iam::123456789012:user/AKIAALICE\"}", alice, false),
                arguments("{\"AWS\":\"arn:aws:iam::123456789012:user/alicia\"}", alice, false),
                arguments("{\"AWS\":\"arn:aws:iam::123456789012:role/alice\"}", alice, false),
                arguments("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", alice, false),
                arguments("{\"AWS\":\"123456789012\"}", alice, false),
                arguments("{\"AWS\":[\"bob\",\"alice\"]}", alice, true),
                arguments("{\"CanonicalUser\":\"alice\"}", alice, true),
                arguments("{\"Service\":\"alice\"}", alice, false),
                arguments("{\"Federated\":\"*\"}", ANONYMOUS, false));
    }

    @ParameterizedTest(name = "Principal {0} covers {1}: {2}")
    @MethodSource("principals")
    void matchesPrincipals(String principal, RequestPrincipal who, boolean expected) {
        PolicyDocument p = bucketStatement("Allow", principal, "s3:GetObject");
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:GetObject", OBJECT, who)))
                .isEqualTo(expected ? Decision.ALLOW : Decision.NOT_APPLICABLE);
    }

    @Test
    void notPrincipalAppliesToEveryoneElseIncludingAnonymous() {
        PolicyDocument p = bucket(j("{'Version':'2012-10-17','Statement':[{'Effect':'Deny',"
                + "'NotPrincipal':{'AWS':['arn:aws:iam::111122223333:user/alice']},'Action':'s3:*',"
                + "'Resource':['arn:aws:s3:::amzn-s3-demo-bucket','arn:aws:s3:::amzn-s3-demo-bucket/*']}]}"));
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:GetObject", OBJECT, alice())))
                .isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:GetObject", OBJECT, bob())))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:GetObject", OBJECT, ANONYMOUS)))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void requireTlsExampleDeniesPlainHttp() {
        PolicyDocument p = bucket(TestPolicies.resource("bucket/require-tls.json"));
        ConditionContext http = ConditionContext.builder().put(ConditionKeys.SECURE_TRANSPORT, "false").build();
        ConditionContext https = ConditionContext.builder().put(ConditionKeys.SECURE_TRANSPORT, "true").build();
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.of(p),
                request("s3:GetObject", OBJECT, alice(), http))).isFalse();
        assertThat(PolicyEvaluator.isAllowed(List.of(ALLOW_ALL_S3), Optional.of(p),
                request("s3:GetObject", OBJECT, alice(), https))).isTrue();
    }

    @Test
    void requireSseExampleDeniesUploadsWithoutTheHeader() {
        PolicyDocument p = bucket(TestPolicies.resource("bucket/require-sse.json"));
        ConditionContext aes = ConditionContext.builder().put(ConditionKeys.SERVER_SIDE_ENCRYPTION, "AES256").build();
        ConditionContext kms = ConditionContext.builder().put(ConditionKeys.SERVER_SIDE_ENCRYPTION, "aws:kms").build();
        List<PolicyDocument> rw = List.of(CannedPolicies.readwrite());
        assertThat(PolicyEvaluator.isAllowed(rw, Optional.of(p), request("s3:PutObject", OBJECT, alice(), aes))).isTrue();
        assertThat(PolicyEvaluator.isAllowed(rw, Optional.of(p), request("s3:PutObject", OBJECT, alice(), kms))).isFalse();
        assertThat(PolicyEvaluator.isAllowed(rw, Optional.of(p), request("s3:PutObject", OBJECT, alice()))).isFalse();
        assertThat(PolicyEvaluator.isAllowed(rw, Optional.of(p), request("s3:GetObject", OBJECT, alice()))).isTrue();
    }

    @Test
    void listPrefixExampleCombinesConditionsNotActionNotResourceAndNotPrincipal() {
        PolicyDocument p = bucket(TestPolicies.resource("bucket/list-prefix.json"));
        ConditionContext root = ConditionContext.builder().put(ConditionKeys.PREFIX, "")
                .put(ConditionKeys.DELIMITER, "/").build();
        ConditionContext other = ConditionContext.builder().put(ConditionKeys.PREFIX, "other/")
                .put(ConditionKeys.DELIMITER, "/").build();
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:ListBucket", BUCKET_ARN, bob(), root)))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:ListBucket", BUCKET_ARN, bob(), other)))
                .isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", BUCKET_ARN + "/x", bob())))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", BUCKET_ARN + "/home/x", bob())))
                .isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", BUCKET_ARN + "/x", alice())))
                .isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void bucketOwnerFullControlExampleMatchesUsersByArnKeyOrName() {
        PolicyDocument p = bucket(TestPolicies.resource("bucket/bucket-owner-full-control.json"));
        ConditionContext full = ConditionContext.builder().put(ConditionKeys.ACL, "bucket-owner-full-control").build();
        for (RequestPrincipal who : List.of(RequestPrincipal.user("Dave", "AKIADAVE"),
                RequestPrincipal.user("erin", "AKIAIOSFODNN7EXAMPLE"), RequestPrincipal.user("carol", "AKIACAROL"))) {
            assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", OBJECT, who)))
                    .as("%s without the ACL", who).isEqualTo(Decision.EXPLICIT_DENY);
            assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", OBJECT, who, full)))
                    .as("%s with the ACL", who).isEqualTo(Decision.NOT_APPLICABLE);
        }
        assertThat(PolicyEvaluator.evaluateResource(p, request("s3:PutObject", OBJECT, alice())))
                .isEqualTo(Decision.NOT_APPLICABLE);
    }

    @Test
    void listAllMyBucketsNeedsAPolicyForAllBuckets() {
        AccessRequest list = request("s3:ListAllMyBuckets", AccessRequest.ANY_BUCKET_ARN, alice());
        PolicyDocument oneBucket = identity(TestPolicies.statementJson("Allow", null, "s3:*", BUCKET_ARN, null));
        PolicyDocument star = identity(TestPolicies.statementJson("Allow", null, "s3:ListAllMyBuckets", "*", null));
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(oneBucket), list)).isEqualTo(Decision.NOT_APPLICABLE);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(star), list)).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluateIdentity(List.of(TestPolicies.identity(TestPolicies.resource(
                "identity/console-listing.json"))), list)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void accessRequestUsesTheCatalogueSpellingOfActions() {
        assertThat(request("S3:GETOBJECT", OBJECT, alice()).action()).isEqualTo("s3:GetObject");
        assertThat(request("s3:SomethingNew", OBJECT, alice()).action()).isEqualTo("s3:SomethingNew");
        assertThat(AccessRequest.objectArn("b", "k/x")).isEqualTo("arn:aws:s3:::b/k/x");
        assertThat(AccessRequest.bucketArn("b")).isEqualTo("arn:aws:s3:::b");
    }
}
