package dev.s3aas.common.policy;

import static dev.s3aas.common.policy.PolicyParserTest.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each condition operator against a present, absent or multivalued key. A row is: the Condition element
 * (single quotes for double), the request's condition keys as {@code key=value} or {@code key=v1|v2}, and
 * whether the statement applies.
 */
class ConditionOperatorTest {

    private static final String OBJECT = "arn:aws:s3:::amzn-s3-demo-bucket/a.txt";

    static ConditionContext context(String... entries) {
        ConditionContext.Builder b = ConditionContext.builder();
        for (String e : entries) {
            int eq = e.indexOf('=');
            b.put(e.substring(0, eq), Arrays.asList(e.substring(eq + 1).split("\\|", -1)));
        }
        return b.build();
    }

    static boolean applies(String condition, RequestPrincipal who, String... entries) {
        PolicyDocument p = TestPolicies.identityStatement("Allow", "s3:GetObject", "*", j(condition));
        AccessRequest r = new AccessRequest("s3:GetObject", OBJECT, who, context(entries));
        return PolicyEvaluator.evaluateIdentity(List.of(p), r) == Decision.ALLOW;
    }

    static Arguments row(String condition, boolean expected, String... entries) {
        return arguments(condition, List.of(entries), expected);
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                row("{'StringEquals':{'s3:prefix':'home/'}}", true, "s3:prefix=home/"),
                row("{'StringEquals':{'s3:prefix':'home/'}}", false, "s3:prefix=Home/"),
                row("{'StringEquals':{'s3:prefix':'home/'}}", false),
                row("{'StringEquals':{'s3:prefix':['docs/','home/']}}", true, "s3:prefix=home/"),
                row("{'StringEquals':{'s3:prefix':'home/*'}}", false, "s3:prefix=home/x"),
                row("{'StringEquals':{'S3:PREFIX':'x'}}", true, "s3:prefix=x"),
                row("{'StringEquals':{'s3:prefix':'x'}}", true, "S3:Prefix=x"),
                row("{'StringEquals':{'s3:prefix':''}}", true, "s3:prefix="),
                row("{'StringNotEquals':{'s3:x-amz-acl':'public-read'}}", true, "s3:x-amz-acl=private"),
                row("{'StringNotEquals':{'s3:x-amz-acl':'public-read'}}", false, "s3:x-amz-acl=public-read"),
                row("{'StringNotEquals':{'s3:x-amz-acl':'public-read'}}", true),
                row("{'StringNotEquals':{'s3:x-amz-acl':['public-read','public-read-write']}}", false,
                        "s3:x-amz-acl=public-read-write"),
                row("{'StringNotEquals':{'s3:x-amz-acl':['public-read','public-read-write']}}", true,
                        "s3:x-amz-acl=authenticated-read"),
                row("{'StringEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", true,
                        "s3:x-amz-server-side-encryption=aes256"),
                row("{'StringEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", false,
                        "s3:x-amz-server-side-encryption=aws:kms"),
                row("{'StringEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", false),
                row("{'StringNotEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", false,
                        "s3:x-amz-server-side-encryption=aes256"),
                row("{'StringNotEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", true,
                        "s3:x-amz-server-side-encryption=aws:kms"),
                row("{'StringNotEqualsIgnoreCase':{'s3:x-amz-server-side-encryption':'AES256'}}", true),
                row("{'StringLike':{'s3:prefix':'home/*'}}", true, "s3:prefix=home/a/b"),
                row("{'StringLike':{'s3:prefix':'home/*'}}", false, "s3:prefix=Home/a"),
                row("{'StringLike':{'s3:prefix':'hom?/'}}", true, "s3:prefix=home/"),
                row("{'StringLike':{'s3:prefix':'home/*'}}", false),
                row("{'StringLike':{'aws:Referer':['http://www.example.com/*','http://example.com/*']}}", true,
                        "aws:Referer=http://example.com/page.html"),
                row("{'StringLike':{'aws:Referer':['http://www.example.com/*','http://example.com/*']}}", false,
                        "aws:Referer=http://evil.example.org/http://example.com/"),
                row("{'StringLike':{'aws:UserAgent':'*aws-cli*'}}", true, "aws:UserAgent=aws-cli/2.15 Python/3.11"),
                row("{'StringNotLike':{'s3:prefix':'*.exe'}}", false, "s3:prefix=a.exe"),
                row("{'StringNotLike':{'s3:prefix':'*.exe'}}", true, "s3:prefix=a.txt"),
                row("{'StringNotLike':{'s3:prefix':'*.exe'}}", true),
                row("{'StringEquals':{'s3:authType':'REST-HEADER','s3:signatureversion':'AWS4-HMAC-SHA256'}}", true,
                        "s3:authType=REST-HEADER", "s3:signatureversion=AWS4-HMAC-SHA256"),
                row("{'StringEquals':{'s3:authType':'REST-HEADER','s3:signatureversion':'AWS4-HMAC-SHA256'}}", false,
                        "s3:authType=REST-QUERY-STRING", "s3:signatureversion=AWS4-HMAC-SHA256"),
                row("{'StringEquals':{'s3:authType':'REST-HEADER','s3:signatureversion':'AWS4-HMAC-SHA256'}}", false,
                        "s3:authType=REST-HEADER"),
                row("{'StringEquals':{'s3:versionid':'3HL4kqtJlcpXroDTDmJ'}}", true, "s3:versionid=3HL4kqtJlcpXroDTDmJ"),
                row("{'StringEquals':{'s3:delimiter':'/'},'StringLike':{'s3:prefix':'home/*'}}", true,
                        "s3:delimiter=/", "s3:prefix=home/x"),
                row("{'StringEquals':{'s3:delimiter':'/'},'StringLike':{'s3:prefix':'home/*'}}", false,
                        "s3:delimiter=/", "s3:prefix=work/x"));
    }

    static Stream<Arguments> numbersDatesAndBooleans() {
        return Stream.of(
                row("{'NumericEquals':{'s3:max-keys':'10'}}", true, "s3:max-keys=10"),
                row("{'NumericEquals':{'s3:max-keys':'10'}}", true, "s3:max-keys=10.0"),
                row("{'NumericEquals':{'s3:max-keys':10}}", false, "s3:max-keys=11"),
                row("{'NumericEquals':{'s3:max-keys':'10'}}", false, "s3:max-keys=ten"),
                row("{'NumericEquals':{'s3:max-keys':'10'}}", false),
                row("{'NumericNotEquals':{'s3:max-keys':'10'}}", false, "s3:max-keys=10"),
                row("{'NumericNotEquals':{'s3:max-keys':'10'}}", true, "s3:max-keys=11"),
                row("{'NumericNotEquals':{'s3:max-keys':'10'}}", true),
                row("{'NumericLessThan':{'s3:max-keys':'10'}}", true, "s3:max-keys=9"),
                row("{'NumericLessThan':{'s3:max-keys':'10'}}", false, "s3:max-keys=10"),
                row("{'NumericLessThan':{'s3:max-keys':'10'}}", false),
                row("{'NumericLessThanEquals':{'s3:max-keys':'10'}}", true, "s3:max-keys=10"),
                row("{'NumericLessThanEquals':{'s3:max-keys':'10'}}", false, "s3:max-keys=11"),
                row("{'NumericGreaterThan':{'s3:max-keys':'10'}}", true, "s3:max-keys=11"),
                row("{'NumericGreaterThan':{'s3:max-keys':'10'}}", false, "s3:max-keys=10"),
                row("{'NumericGreaterThanEquals':{'s3:max-keys':'10'}}", true, "s3:max-keys=10"),
                row("{'NumericGreaterThanEquals':{'s3:max-keys':'10'}}", false, "s3:max-keys=9"),
                row("{'NumericLessThan':{'s3:max-keys':'1.5'}}", true, "s3:max-keys=1.25"),
                row("{'NumericGreaterThan':{'s3:max-keys':'9007199254740992'}}", true, "s3:max-keys=9007199254740993"),
                row("{'DateEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true, "aws:CurrentTime=2020-01-01T00:00:00Z"),
                row("{'DateEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true, "aws:CurrentTime=2020-01-01T01:00:00+01:00"),
                row("{'DateEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true, "aws:CurrentTime=1577836800"),
                row("{'DateEquals':{'aws:CurrentTime':'2020-01-01'}}", true, "aws:CurrentTime=2020-01-01T00:00:00Z"),
                row("{'DateEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", false, "aws:CurrentTime=2020-01-02T00:00:00Z"),
                row("{'DateNotEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", false, "aws:CurrentTime=2020-01-01T00:00:00Z"),
                row("{'DateNotEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true, "aws:CurrentTime=2020-01-02T00:00:00Z"),
                row("{'DateNotEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true),
                row("{'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", true, "aws:CurrentTime=2020-05-01T00:00:00Z"),
                row("{'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", false, "aws:CurrentTime=2021-01-01T00:00:00Z"),
                row("{'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", false, "aws:CurrentTime=soon"),
                row("{'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", false),
                row("{'DateLessThanEquals':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", true, "aws:CurrentTime=2020-06-30T23:59:59Z"),
                row("{'DateLessThanEquals':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", false, "aws:CurrentTime=2020-07-01T00:00:00Z"),
                row("{'DateGreaterThan':{'aws:EpochTime':'1577836800'}}", true, "aws:EpochTime=1577836801"),
                row("{'DateGreaterThan':{'aws:EpochTime':'1577836800'}}", false, "aws:EpochTime=1577836800"),
                row("{'DateGreaterThanEquals':{'aws:EpochTime':'1577836800'}}", true, "aws:EpochTime=1577836800"),
                row("{'DateGreaterThanEquals':{'aws:EpochTime':'2020-01-01T00:00:00Z'}}", false, "aws:EpochTime=1577836799"),
                row("{'DateGreaterThan':{'aws:CurrentTime':'2020-04-01T00:00:00Z'},"
                        + "'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", true, "aws:CurrentTime=2020-05-05T12:00:00Z"),
                row("{'DateGreaterThan':{'aws:CurrentTime':'2020-04-01T00:00:00Z'},"
                        + "'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", false, "aws:CurrentTime=2020-03-05T12:00:00Z"),
                row("{'Bool':{'aws:SecureTransport':'false'}}", true, "aws:SecureTransport=false"),
                row("{'Bool':{'aws:SecureTransport':false}}", true, "aws:SecureTransport=FALSE"),
                row("{'Bool':{'aws:SecureTransport':'false'}}", false, "aws:SecureTransport=true"),
                row("{'Bool':{'aws:SecureTransport':'true'}}", false),
                row("{'BinaryEquals':{'s3:x-amz-meta-key':'QmluYXJ5VmFsdWU='}}", true, "s3:x-amz-meta-key=QmluYXJ5VmFsdWU="),
                row("{'BinaryEquals':{'s3:x-amz-meta-key':'QmluYXJ5VmFsdWU='}}", false, "s3:x-amz-meta-key=T3RoZXI="),
                row("{'BinaryEquals':{'s3:x-amz-meta-key':'QmluYXJ5VmFsdWU='}}", false, "s3:x-amz-meta-key=not base64!"),
                row("{'BinaryEquals':{'s3:x-amz-meta-key':'QmluYXJ5VmFsdWU='}}", false));
    }

    static Stream<Arguments> addressesArnsAndNull() {
        return Stream.of(
                row("{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", true, "aws:SourceIp=192.0.2.7"),
                row("{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", false, "aws:SourceIp=192.0.3.1"),
                row("{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", false, "aws:SourceIp=2001:db8::1"),
                row("{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", false, "aws:SourceIp=garbage"),
                row("{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", false),
                row("{'IpAddress':{'aws:SourceIp':'203.0.113.5'}}", true, "aws:SourceIp=203.0.113.5"),
                row("{'IpAddress':{'aws:SourceIp':'203.0.113.5'}}", false, "aws:SourceIp=203.0.113.6"),
                row("{'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}}", true, "aws:SourceIp=8.8.8.8"),
                row("{'IpAddress':{'aws:SourceIp':'10.1.2.3/8'}}", true, "aws:SourceIp=10.200.0.1"),
                row("{'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}}", true, "aws:SourceIp=2001:db8:1234:5678::1"),
                row("{'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}}", false, "aws:SourceIp=2001:db8:1234:5679::1"),
                row("{'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}}", false, "aws:SourceIp=192.0.2.1"),
                row("{'IpAddress':{'aws:SourceIp':'::1'}}", true, "aws:SourceIp=0:0:0:0:0:0:0:1"),
                row("{'IpAddress':{'aws:SourceIp':['192.0.2.0/24','2001:db8::/32']}}", true, "aws:SourceIp=2001:db8::5"),
                row("{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", true, "aws:SourceIp=10.0.0.1"),
                row("{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", false, "aws:SourceIp=192.0.2.9"),
                row("{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", true),
                row("{'NotIpAddress':{'aws:SourceIp':['192.0.2.0/24','2001:db8::/32']}}", false, "aws:SourceIp=2001:db8::5"),
                row("{'NotIpAddress':{'aws:SourceIp':['192.0.2.0/24','2001:db8::/32']}}", true, "aws:SourceIp=2001:db9::5"),
                row("{'ArnEquals':{'aws:SourceArn':'arn:aws:iam::111122223333:user/alice'}}", true,
                        "aws:SourceArn=arn:aws:iam::111122223333:user/alice"),
                row("{'ArnEquals':{'aws:SourceArn':'arn:aws:iam::111122223333:user/alice'}}", false,
                        "aws:SourceArn=arn:aws:iam::111122223333:user/bob"),
                row("{'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:111122223333:topic*'}}", true,
                        "aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic-a"),
                row("{'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:111122223333:*'}}", false,
                        "aws:SourceArn=arn:aws:sns:us-east-1:extra:111122223333:x"),
                row("{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::bucket/*'}}", true, "aws:SourceArn=arn:aws:s3:::bucket/a:b"),
                row("{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::bucket/*'}}", false, "aws:SourceArn=not-an-arn"),
                row("{'ArnLike':{'aws:SourceArn':'*'}}", true, "aws:SourceArn=arn:aws:s3:::x"),
                row("{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::*'}}", false),
                row("{'ArnNotEquals':{'aws:SourceArn':'arn:aws:s3:::bucket'}}", false, "aws:SourceArn=arn:aws:s3:::bucket"),
                row("{'ArnNotEquals':{'aws:SourceArn':'arn:aws:s3:::bucket'}}", true, "aws:SourceArn=arn:aws:s3:::other"),
                row("{'ArnNotLike':{'aws:SourceArn':'arn:aws:s3:::b*'}}", false, "aws:SourceArn=arn:aws:s3:::bucket"),
                row("{'ArnNotLike':{'aws:SourceArn':'arn:aws:s3:::b*'}}", true),
                row("{'Null':{'s3:x-amz-server-side-encryption':'true'}}", true),
                row("{'Null':{'s3:x-amz-server-side-encryption':'true'}}", false, "s3:x-amz-server-side-encryption=AES256"),
                row("{'Null':{'s3:x-amz-server-side-encryption':false}}", true, "s3:x-amz-server-side-encryption=AES256"),
                row("{'Null':{'s3:x-amz-server-side-encryption':'false'}}", false));
    }

    static Stream<Arguments> ifExistsAndSetQualifiers() {
        return Stream.of(
                row("{'StringEqualsIfExists':{'s3:x-amz-acl':'private'}}", true),
                row("{'StringEqualsIfExists':{'s3:x-amz-acl':'private'}}", true, "s3:x-amz-acl=private"),
                row("{'StringEqualsIfExists':{'s3:x-amz-acl':'private'}}", false, "s3:x-amz-acl=public-read"),
                row("{'StringNotEqualsIfExists':{'s3:x-amz-acl':'private'}}", true),
                row("{'StringNotEqualsIfExists':{'s3:x-amz-acl':'private'}}", false, "s3:x-amz-acl=private"),
                row("{'NumericLessThanIfExists':{'s3:max-keys':'100'}}", true),
                row("{'NumericLessThanIfExists':{'s3:max-keys':'100'}}", false, "s3:max-keys=1000"),
                row("{'IpAddressIfExists':{'aws:SourceIp':'10.0.0.0/8'}}", true),
                row("{'DateLessThanIfExists':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}", true),
                row("{'BoolIfExists':{'aws:SecureTransport':'true'}}", true),
                row("{'ArnLikeIfExists':{'aws:SourceArn':'arn:aws:s3:::x'}}", true),
                // Unqualified operators on a multivalued key
                row("{'StringEquals':{'s3:object-lock-mode':'GOVERNANCE'}}", true, "s3:object-lock-mode=COMPLIANCE|GOVERNANCE"),
                row("{'StringNotEquals':{'s3:object-lock-mode':'GOVERNANCE'}}", false, "s3:object-lock-mode=COMPLIANCE|GOVERNANCE"),
                row("{'StringNotEquals':{'s3:object-lock-mode':'GOVERNANCE'}}", true, "s3:object-lock-mode=COMPLIANCE|OTHER"),
                // ForAnyValue: one request value must match; an absent key is false
                row("{'ForAnyValue:StringEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", true,
                        "s3:object-lock-mode=COMPLIANCE|GOVERNANCE"),
                row("{'ForAnyValue:StringEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", false, "s3:object-lock-mode=COMPLIANCE"),
                row("{'ForAnyValue:StringEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", false),
                row("{'ForAnyValue:StringNotEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", true,
                        "s3:object-lock-mode=GOVERNANCE|COMPLIANCE"),
                row("{'ForAnyValue:StringNotEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", false, "s3:object-lock-mode=GOVERNANCE"),
                row("{'ForAnyValue:StringNotEquals':{'s3:object-lock-mode':['GOVERNANCE']}}", false),
                row("{'ForAnyValue:StringEqualsIfExists':{'s3:object-lock-mode':['GOVERNANCE']}}", true),
                row("{'ForAnyValue:StringLike':{'aws:TagKeys':['team*']}}", true, "aws:TagKeys=owner|team-a"),
                // ForAllValues: every request value must match; an absent key is (vacuously) true
                row("{'ForAllValues:StringLike':{'s3:RequestObjectTag/team':['eng-*']}}", true,
                        "s3:RequestObjectTag/team=eng-a|eng-b"),
                row("{'ForAllValues:StringLike':{'s3:RequestObjectTag/team':['eng-*']}}", false,
                        "s3:RequestObjectTag/team=eng-a|ops"),
                row("{'ForAllValues:StringLike':{'s3:RequestObjectTag/team':['eng-*']}}", true),
                row("{'ForAllValues:StringEquals':{'aws:TagKeys':['owner','team']}}", true, "aws:TagKeys=team|owner"),
                row("{'ForAllValues:StringEquals':{'aws:TagKeys':['owner','team']}}", false, "aws:TagKeys=team|cost"),
                row("{'ForAllValues:StringNotEquals':{'aws:TagKeys':['secret']}}", true, "aws:TagKeys=team|owner"),
                row("{'ForAllValues:StringNotEquals':{'aws:TagKeys':['secret']}}", false, "aws:TagKeys=team|secret"),
                row("{'ForAllValues:StringNotEquals':{'aws:TagKeys':['secret']}}", true),
                row("{'ForAllValues:NumericLessThan':{'s3:max-keys':'5'}}", true, "s3:max-keys=1|2|4"),
                row("{'ForAllValues:NumericLessThan':{'s3:max-keys':'5'}}", false, "s3:max-keys=1|7"),
                // Tag condition keys: the key name is case-insensitive, the tag key is not
                row("{'StringEquals':{'s3:ExistingObjectTag/environment':'production'}}", true,
                        "S3:EXISTINGOBJECTTAG/environment=production"),
                row("{'StringEquals':{'s3:ExistingObjectTag/environment':'production'}}", false,
                        "s3:ExistingObjectTag/Environment=production"),
                row("{'StringEquals':{'s3:ExistingObjectTag/environment':'production'}}", false,
                        "s3:ExistingObjectTag/environment=staging"),
                row("{'StringEquals':{'s3:RequestObjectTag/classification':'public'}}", true,
                        "s3:RequestObjectTag/classification=public"));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource({"strings", "numbersDatesAndBooleans", "addressesArnsAndNull", "ifExistsAndSetQualifiers"})
    void evaluatesConditionOperators(String condition, List<String> context, boolean expected) {
        assertThat(applies(condition, TestPolicies.alice(), context.toArray(String[]::new))).isEqualTo(expected);
    }

    static Stream<Arguments> principalKeys() {
        RequestPrincipal alice = TestPolicies.alice();
        RequestPrincipal anonymous = RequestPrincipal.anonymous();
        return Stream.of(
                arguments("{'StringEquals':{'aws:username':'alice'}}", alice, List.of(), true),
                arguments("{'StringEquals':{'aws:username':'alice'}}", TestPolicies.bob(), List.of(), false),
                arguments("{'Null':{'aws:username':'true'}}", anonymous, List.of(), true),
                arguments("{'StringEquals':{'aws:userid':'AKIAALICE'}}", alice, List.of(), true),
                arguments("{'StringEquals':{'aws:userid':'AIDAEXAMPLE'}}", alice, List.of("aws:userid=AIDAEXAMPLE"), true),
                arguments("{'StringEquals':{'aws:userid':'anonymous'}}", anonymous, List.of(), true),
                arguments("{'StringEquals':{'aws:PrincipalType':'User'}}", alice, List.of(), true),
                arguments("{'StringEquals':{'aws:PrincipalType':'Anonymous'}}", anonymous, List.of(), true));
    }

    @ParameterizedTest(name = "{0} for {1}: {3}")
    @MethodSource("principalKeys")
    void derivesPrincipalKeysFromTheRequestPrincipal(String condition, RequestPrincipal who, List<String> context,
                                                     boolean expected) {
        assertThat(applies(condition, who, context.toArray(String[]::new))).isEqualTo(expected);
    }
}
