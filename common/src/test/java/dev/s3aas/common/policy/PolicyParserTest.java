package dev.s3aas.common.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyParserTest {

    private static final PolicyValidation IDENTITY = PolicyValidation.forIdentity();
    private static final PolicyValidation S3_IDENTITY = PolicyValidation.forS3Identity();
    private static final PolicyValidation BUCKET = PolicyValidation.forBucket(TestPolicies.BUCKET);
    private static final PolicyValidation GENERIC = PolicyValidation.generic();

    /** Single quotes to double quotes (and backquotes to single quotes), to keep the tables readable. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"').replace('`', '\'');
    }

    /** A document with one statement whose body is {@code statementBody}. */
    static String doc(String statementBody) {
        return j("{'Version':'2012-10-17','Statement':[{" + statementBody + "}]}");
    }

    private static final String OK_ACTION = "'Effect':'Allow','Action':'s3:GetObject'";
    private static final String OK_OBJECTS = "'Resource':'arn:aws:s3:::amzn-s3-demo-bucket/*'";

    static String withCondition(String condition) {
        return doc(OK_ACTION + "," + OK_OBJECTS + ",'Condition':" + condition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public-read", "ip-allow-list", "require-tls", "require-sse", "grant-user",
            "object-tag", "referer", "bucket-owner-full-control", "list-prefix"})
    void acceptsAwsBucketPolicyExamples(String name) throws Exception {
        String json = TestPolicies.resource("bucket/" + name + ".json");
        PolicyDocument doc = PolicyDocument.parse(json, BUCKET);
        assertThat(doc.json()).isEqualTo(json);
        assertThat(doc.statements()).isNotEmpty();
        assertThat(PolicyDocument.parse(doc.normalizedJson(), BUCKET).normalizedJson())
                .isEqualTo(doc.normalizedJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"home-directory", "console-listing", "time-window", "max-keys", "object-lock",
            "minio-admin", "legacy-version"})
    void acceptsIdentityPolicyExamples(String name) throws Exception {
        String json = TestPolicies.resource("identity/" + name + ".json");
        PolicyDocument doc = PolicyDocument.parse(json, IDENTITY);
        assertThat(doc.json()).isEqualTo(json);
        assertThat(PolicyDocument.parse(doc.normalizedJson(), IDENTITY).normalizedJson())
                .isEqualTo(doc.normalizedJson());
    }

    static Stream<Arguments> validEdgeCases() {
        return Stream.of(
                arguments("statement as a single object", GENERIC,
                        j("{'Version':'2012-10-17','Statement':{" + OK_ACTION + "," + OK_OBJECTS + "}}")),
                arguments("no Version", GENERIC, j("{'Statement':[{" + OK_ACTION + "," + OK_OBJECTS + "}]}")),
                arguments("Id and Sid", GENERIC, j("{'Version':'2012-10-17','Id':'x','Statement':[{'Sid':'a',"
                        + OK_ACTION + "," + OK_OBJECTS + "},{'Sid':'b'," + OK_ACTION + "," + OK_OBJECTS + "}]}")),
                arguments("actions are case-insensitive", IDENTITY,
                        doc("'Effect':'Allow','Action':['S3:getobject','s3:LISTBUCKET']," + OK_OBJECTS)),
                arguments("wildcard actions", IDENTITY,
                        doc("'Effect':'Allow','Action':['s3:Get*','s3:*Object','s3:?etObject','*']," + OK_OBJECTS)),
                arguments("admin actions need no Resource", IDENTITY, doc("'Effect':'Allow','Action':'admin:*'")),
                arguments("S3-only identity: S3 actions and wildcards", S3_IDENTITY,
                        doc("'Effect':'Allow','Action':['s3:*','S3:GetObject','s3:Get*']," + OK_OBJECTS)),
                arguments("S3-only identity: Deny * takes rights away", S3_IDENTITY,
                        doc("'Effect':'Deny','Action':'*','Resource':'*'")),
                arguments("S3-only identity: Deny NotAction", S3_IDENTITY,
                        doc("'Effect':'Deny','NotAction':'s3:GetObject','Resource':'*'")),
                arguments("Resource *", IDENTITY, doc(OK_ACTION + ",'Resource':'*'")),
                arguments("bucket ARN itself", BUCKET,
                        doc(OK_ACTION + ",'Principal':'*','Resource':'arn:aws:s3:::amzn-s3-demo-bucket'")),
                arguments("principal types", BUCKET, doc(OK_ACTION + "," + OK_OBJECTS
                        + ",'Principal':{'AWS':['arn:aws:iam::111122223333:root','111122223333','alice'],"
                        + "'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',"
                        + "'Service':'logging.s3.amazonaws.com','Federated':'cognito-identity.amazonaws.com'}")),
                arguments("NotPrincipal", BUCKET, doc(OK_ACTION + "," + OK_OBJECTS + ",'NotPrincipal':{'AWS':'bob'}")),
                arguments("numbers and booleans as condition values", IDENTITY,
                        withCondition("{'NumericLessThan':{'s3:max-keys':[10, 2.5]},'Bool':{'aws:SecureTransport':true}}")),
                arguments("every operator", IDENTITY, withCondition("{"
                        + "'StringEquals':{'a:b':'x'},'StringNotEquals':{'a:b':'x'},'StringEqualsIgnoreCase':{'a:b':'x'},"
                        + "'StringNotEqualsIgnoreCase':{'a:b':'x'},'StringLike':{'a:b':'x*'},'StringNotLike':{'a:b':'?'},"
                        + "'NumericEquals':{'a:b':'1'},'NumericNotEquals':{'a:b':'1'},'NumericLessThan':{'a:b':'1'},"
                        + "'NumericLessThanEquals':{'a:b':'1'},'NumericGreaterThan':{'a:b':'-1.5'},"
                        + "'NumericGreaterThanEquals':{'a:b':'1'},'DateEquals':{'a:b':'2020-01-01T00:00:00Z'},"
                        + "'DateNotEquals':{'a:b':'1577836800'},'DateLessThan':{'a:b':'2020-01-01'},"
                        + "'DateLessThanEquals':{'a:b':'2020-01-01T00:00:00+02:00'},'DateGreaterThan':{'a:b':'2020-01-01T00:00:00'},"
                        + "'DateGreaterThanEquals':{'a:b':'2020-01-01T00:00:00.123Z'},'Bool':{'a:b':'true'},"
                        + "'BinaryEquals':{'a:b':'QmluYXJ5VmFsdWU='},'IpAddress':{'a:b':'10.0.0.0/8'},"
                        + "'NotIpAddress':{'a:b':['::1','2001:db8::/32']},'ArnEquals':{'a:b':'arn:aws:iam::1:user/x'},"
                        + "'ArnLike':{'a:b':'arn:aws:s3:::b/*'},'ArnNotEquals':{'a:b':'arn:aws:sns:*:*:t'},"
                        + "'ArnNotLike':{'a:b':'*'},'Null':{'a:b':'false'},"
                        + "'ForAnyValue:StringLike':{'a:b':'x'},'ForAllValues:StringEqualsIfExists':{'a:b':'x'},"
                        + "'NumericLessThanIfExists':{'a:b':'1'}}")),
                arguments("policy variables and escapes", IDENTITY, doc("'Effect':'Allow','Action':'s3:GetObject',"
                        + "'Resource':'arn:aws:s3:::b/${aws:username}/${*}${?}${$}/${s3:prefix, `def`}/*'")),
                arguments("variables are literal text in 2008-10-17", IDENTITY, j("{'Version':'2008-10-17',"
                        + "'Statement':[{" + OK_ACTION + ",'Resource':'arn:aws:s3:::b/${unterminated'}]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEdgeCases")
    void acceptsValidEdgeCases(String description, PolicyValidation validation, String json) throws Exception {
        PolicyDocument doc = PolicyDocument.parse(json, validation);
        assertThat(doc.json()).isEqualTo(json);
    }

    @Test
    void acceptsDocumentJustUnderTheSizeLimit() throws Exception {
        String base = doc(OK_ACTION + "," + OK_OBJECTS);
        String padded = base + " ".repeat(PolicyParser.MAX_BYTES - base.length());
        assertThat(PolicyDocument.parse(padded, IDENTITY).json()).hasSize(PolicyParser.MAX_BYTES);
    }

    @Test
    void versionDefaultsTo2008AndIdIsKept() throws Exception {
        PolicyDocument doc = PolicyDocument.parse(j("{'Id':'p1','Statement':[{" + OK_ACTION + "," + OK_OBJECTS
                + "}]}"));
        assertThat(doc.version()).isEqualTo("2008-10-17");
        assertThat(doc.id()).contains("p1");
    }

    @Test
    void normalizedJsonHasFixedShape() throws Exception {
        PolicyDocument doc = PolicyDocument.parse(j("""
                { 'Statement': { 'Resource': 'arn:aws:s3:::b/*', 'Action': 's3:GetObject',
                  'Principal': {'AWS': 'alice'}, 'Effect': 'Allow',
                  'Condition': {'NumericLessThan': {'s3:max-keys': 10}} },
                  'Version': '2012-10-17' }"""), GENERIC);
        assertThat(doc.normalizedJson()).isEqualTo(j("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'AWS':['alice']},'Action':['s3:GetObject'],'Resource':['arn:aws:s3:::b/*'],"
                + "'Condition':{'NumericLessThan':{'s3:max-keys':['10']}}}]}"));
    }

    private static final String S3 = OK_ACTION + "," + OK_OBJECTS;

    static Stream<Arguments> malformedDocuments() {
        String s3 = S3;
        return Stream.of(
                arguments(GENERIC, "not json", "invalid JSON at line 1, column 1: Unrecognized token 'not'"),
                arguments(GENERIC, "", "policy document is empty"),
                arguments(GENERIC, "   ", "policy document is empty"),
                arguments(GENERIC, "[]", "policy document must be a JSON object"),
                arguments(GENERIC, "\"text\"", "policy document must be a JSON object"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statment':[]}"), "unknown top-level field \"Statment\""),
                arguments(GENERIC, j("{'version':'2012-10-17','Statement':[{" + s3 + "}]}"),
                        "unknown top-level field \"version\""),
                arguments(GENERIC, j("{'Version':'2012-10-18','Statement':[{" + s3 + "}]}"),
                        "Version must be \"2012-10-17\" or \"2008-10-17\""),
                arguments(GENERIC, j("{'Version':20121017,'Statement':[{" + s3 + "}]}"),
                        "Version must be \"2012-10-17\" or \"2008-10-17\""),
                arguments(GENERIC, j("{'Version':'2012-10-17'}"), "Statement is missing"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statement':[]}"), "Statement must not be empty"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statement':'x'}"),
                        "Statement must be an object or a list of objects"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statement':[1]}"), "Statement[0] must be an object"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Id':7,'Statement':[{" + s3 + "}]}"), "Id must be a string"),
                arguments(GENERIC, doc(s3) + "}", "invalid JSON"),
                arguments(GENERIC, doc(s3) + " {}", "unexpected text after the end of the document"),
                arguments(GENERIC, doc(s3) + " x", "invalid JSON"),
                arguments(GENERIC, doc(s3 + ",'Effect':'Deny'"), "duplicate key \"Effect\""),
                arguments(GENERIC, j("{'Version':'2012-10-17','Version':'2012-10-17','Statement':[{" + s3 + "}]}"),
                        "duplicate key \"Version\""),
                arguments(GENERIC, withCondition("{'StringEquals':{'s3:prefix':'a','s3:prefix':'b'}}"),
                        "duplicate key \"s3:prefix\""),
                arguments(GENERIC, doc(s3) + " ".repeat(PolicyParser.MAX_BYTES), "larger than the limit of 20480 bytes"),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statement':[{'Sid':'a'," + s3 + "},{'Sid':'a'," + s3 + "}]}"),
                        "duplicate Sid \"a\""),
                arguments(GENERIC, "{}", "Statement is missing"));
    }

    static Stream<Arguments> malformedStatements() {
        String s3 = S3;
        return Stream.of(
                arguments(GENERIC, doc("'Action':'s3:GetObject'," + OK_OBJECTS), "Statement[0].Effect is missing"),
                arguments(GENERIC, doc("'Effect':'allow','Action':'s3:GetObject'," + OK_OBJECTS),
                        "Statement[0].Effect must be \"Allow\" or \"Deny\""),
                arguments(GENERIC, j("{'Version':'2012-10-17','Statement':[{" + s3 + "},{'Effect':'Permit',"
                        + "'Action':'s3:GetObject'," + OK_OBJECTS + "}]}"), "Statement[1].Effect must be \"Allow\" or \"Deny\""),
                arguments(GENERIC, doc("'Effect':true,'Action':'s3:GetObject'," + OK_OBJECTS),
                        "Statement[0].Effect must be \"Allow\" or \"Deny\""),
                arguments(GENERIC, doc(s3 + ",'Actions':'s3:PutObject'"), "Statement[0]: unknown field \"Actions\""),
                arguments(GENERIC, doc(s3 + ",'Sid':1"), "Statement[0].Sid must be a string"),
                arguments(GENERIC, doc(s3 + ",'NotAction':'s3:PutObject'"),
                        "Statement[0] must not have both Action and NotAction"),
                arguments(GENERIC, doc("'Effect':'Allow'," + OK_OBJECTS), "Statement[0] must have Action or NotAction"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':'s3:GetObjet'," + OK_OBJECTS),
                        "Statement[0].Action: unknown action \"s3:GetObjet\""),
                arguments(GENERIC, doc("'Effect':'Allow','NotAction':['s3:GetObject','s3:Fly*']," + OK_OBJECTS),
                        "Statement[0].NotAction: unknown action \"s3:Fly*\""),
                arguments(GENERIC, doc("'Effect':'Allow','Action':'iam:CreateUser'," + OK_OBJECTS),
                        "unknown action \"iam:CreateUser\""),
                arguments(GENERIC, doc("'Effect':'Allow','Action':'admin:Reboot'"), "unknown action \"admin:Reboot\""),
                arguments(GENERIC, doc("'Effect':'Allow','Action':'GetObject'," + OK_OBJECTS),
                        "\"GetObject\" is not an action"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':[]," + OK_OBJECTS),
                        "Statement[0].Action must not be an empty list"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':''," + OK_OBJECTS), "Statement[0].Action must not be empty"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':5," + OK_OBJECTS),
                        "Statement[0].Action must be a string or a list of strings"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':{'s3':'GetObject'}," + OK_OBJECTS),
                        "Statement[0].Action must be a string or a list of strings"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':['s3:GetObject',5]," + OK_OBJECTS),
                        "Statement[0].Action[1] must be a non-empty string"),
                arguments(GENERIC, doc(OK_ACTION), "Statement[0] must have Resource or NotResource"),
                arguments(GENERIC, doc("'Effect':'Allow','Action':['admin:*','s3:GetObject']"),
                        "Statement[0] must have Resource or NotResource"),
                arguments(GENERIC, doc("'Effect':'Allow','NotAction':'admin:*'"), "must have Resource or NotResource"),
                arguments(GENERIC, doc(s3 + ",'NotResource':'*'"), "Statement[0] must not have both Resource and NotResource"),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'amzn-s3-demo-bucket/*'"),
                        "Statement[0].Resource: invalid resource \"amzn-s3-demo-bucket/*\""),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'arn:aws:s3:::'"), "invalid resource \"arn:aws:s3:::\""),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'arn:aws:iam::1:user/x'"), "invalid resource"),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'arn:aws:s3:::b/${aws:username'"),
                        "Statement[0].Resource: unterminated policy variable"),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'arn:aws:s3:::b/${username}'"),
                        "invalid policy variable \"${username}\""),
                arguments(GENERIC, doc(OK_ACTION + ",'Resource':'arn:aws:s3:::b/${aws:username, default}'"),
                        "invalid default value in policy variable"),
                arguments(GENERIC, doc("'Effect':'Deny'"), "Statement[0] must have Action or NotAction"));
    }

    static Stream<Arguments> malformedPrincipalsAndBucketPolicies() {
        String s3 = S3;
        return Stream.of(
                arguments(IDENTITY, doc(s3 + ",'Principal':'*'"),
                        "Statement[0].Principal: Policy document should not specify a principal"),
                arguments(IDENTITY, doc(s3 + ",'NotPrincipal':{'AWS':'bob'}"),
                        "Statement[0].NotPrincipal: Policy document should not specify a principal"),
                arguments(S3_IDENTITY, doc(s3 + ",'Principal':'*'"),
                        "Statement[0].Principal: Policy document should not specify a principal"),
                arguments(S3_IDENTITY, doc("'Effect':'Allow','Action':'*','Resource':'*'"),
                        "Statement[0].Action: \"*\" is not an S3 action; this policy may only allow S3 actions"),
                arguments(S3_IDENTITY, doc("'Effect':'Allow','Action':['s3:GetObject','admin:*']"),
                        "Statement[0].Action: \"admin:*\" is not an S3 action"),
                arguments(S3_IDENTITY, doc("'Effect':'Allow','Action':'kms:Status'"), "\"kms:Status\" is not an S3 action"),
                arguments(S3_IDENTITY, doc("'Effect':'Allow','Action':'*:*','Resource':'*'"), "\"*:*\" is not an S3 action"),
                arguments(S3_IDENTITY, doc("'Effect':'Allow','NotAction':'s3:DeleteObject','Resource':'*'"),
                        "Statement[0].NotAction: an Allow with NotAction grants every other action"),
                arguments(BUCKET, doc(s3), "Statement[0] must have Principal or NotPrincipal"),
                arguments(BUCKET, doc(s3 + ",'Principal':'*','NotPrincipal':'*'"),
                        "must not have both Principal and NotPrincipal"),
                arguments(GENERIC, doc(s3 + ",'Principal':'alice'"), "Statement[0].Principal must be \"*\" or an object"),
                arguments(GENERIC, doc(s3 + ",'Principal':{}"), "Statement[0].Principal must be \"*\" or an object"),
                arguments(GENERIC, doc(s3 + ",'Principal':['*']"), "Statement[0].Principal must be \"*\" or an object"),
                arguments(GENERIC, doc(s3 + ",'Principal':{'User':'alice'}"),
                        "Statement[0].Principal: unknown principal type \"User\""),
                arguments(GENERIC, doc(s3 + ",'Principal':{'AWS':[]}"), "Statement[0].Principal.AWS must not be an empty list"),
                arguments(GENERIC, doc(s3 + ",'Principal':{'AWS':'arn:aws:iam::*:user/a*'}"), "has a wildcard"),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','Resource':'arn:aws:s3:::other-bucket/*'"),
                        "Statement[0].Resource: Policy has invalid resource \"arn:aws:s3:::other-bucket/*\""),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','Resource':'*'"), "Policy has invalid resource \"*\""),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','Resource':'arn:aws:s3:::*'"), "Policy has invalid resource"),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','Resource':'arn:aws:s3:::amzn-s3-demo-bucket-2/*'"),
                        "Policy has invalid resource"),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','Resource':['arn:aws:s3:::amzn-s3-demo-bucket',"
                        + "'arn:aws:s3:::amzn-s3-demo-bucket*']"), "Policy has invalid resource"),
                arguments(BUCKET, doc(OK_ACTION + ",'Principal':'*','NotResource':'arn:aws:s3:::other'"),
                        "Statement[0].NotResource: Policy has invalid resource"),
                arguments(BUCKET, doc("'Effect':'Allow','Principal':'*','Action':'admin:ServerInfo'," + OK_OBJECTS),
                        "\"admin:ServerInfo\" is not an S3 action"),
                arguments(BUCKET, doc("'Effect':'Allow','Principal':'*','Action':'kms:*'," + OK_OBJECTS),
                        "\"kms:*\" is not an S3 action"));
    }

    static Stream<Arguments> malformedConditions() {
        return Stream.of(
                arguments(GENERIC, withCondition("'x'"), "Statement[0].Condition must be an object"),
                arguments(GENERIC, withCondition("{'StringEqualz':{'s3:prefix':'a'}}"),
                        "Statement[0].Condition: unknown condition operator \"StringEqualz\""),
                arguments(GENERIC, withCondition("{'stringequals':{'s3:prefix':'a'}}"), "unknown condition operator \"stringequals\""),
                arguments(GENERIC, withCondition("{'ForSomeValues:StringEquals':{'s3:prefix':'a'}}"), "unknown condition operator"),
                arguments(GENERIC, withCondition("{'NullIfExists':{'s3:prefix':'true'}}"), "unknown condition operator \"NullIfExists\""),
                arguments(GENERIC, withCondition("{'ForAnyValue:Null':{'s3:prefix':'true'}}"), "unknown condition operator"),
                arguments(GENERIC, withCondition("{'StringEquals':'a'}"),
                        "Statement[0].Condition.StringEquals must be an object of condition keys"),
                arguments(GENERIC, withCondition("{'StringEquals':{}}"), "Statement[0].Condition.StringEquals must be an object"),
                arguments(GENERIC, withCondition("{'StringEquals':{'prefix':'a'}}"), "invalid condition key \"prefix\""),
                arguments(GENERIC, withCondition("{'StringEquals':{'s3:prefix':{'a':'b'}}}"),
                        "Condition.StringEquals[\"s3:prefix\"] must be a string, number or boolean"),
                arguments(GENERIC, withCondition("{'StringEquals':{'s3:prefix':[]}}"), "non-empty list"),
                arguments(GENERIC, withCondition("{'StringEquals':{'s3:prefix':null}}"), "must be a string, number or boolean"),
                arguments(GENERIC, withCondition("{'StringEquals':{'s3:prefix':['a',null]}}"),
                        "[\"s3:prefix\"][1] must be a string, number or boolean"),
                arguments(GENERIC, withCondition("{'NumericLessThan':{'s3:max-keys':'ten'}}"),
                        "Statement[0].Condition.NumericLessThan[\"s3:max-keys\"]: invalid number \"ten\""),
                arguments(GENERIC, withCondition("{'NumericEquals':{'s3:max-keys':['1','2x']}}"), "invalid number \"2x\""),
                arguments(GENERIC, withCondition("{'NumericGreaterThan':{'s3:max-keys':true}}"), "invalid number \"true\""),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'10.0.0.0/33'}}"),
                        "CIDR prefix length /33 is too long"),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'10.0.0.256'}}"),
                        "invalid IP address or CIDR \"10.0.0.256\""),
                arguments(GENERIC, withCondition("{'NotIpAddress':{'aws:SourceIp':'10.0.0/24'}}"), "invalid IP address"),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'10.0.0.0/'}}"), "invalid CIDR prefix length"),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'example.com'}}"), "invalid IP address"),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'2001:db8::zz/64'}}"), "invalid IP address"),
                arguments(GENERIC, withCondition("{'IpAddress':{'aws:SourceIp':'2001:db8::/129'}}"), "/129 is too long"),
                arguments(GENERIC, withCondition("{'DateLessThan':{'aws:CurrentTime':'yesterday'}}"),
                        "Statement[0].Condition.DateLessThan[\"aws:CurrentTime\"]: invalid date \"yesterday\""),
                arguments(GENERIC, withCondition("{'DateGreaterThan':{'aws:CurrentTime':'2020-13-01T00:00:00Z'}}"),
                        "invalid date"),
                arguments(GENERIC, withCondition("{'Bool':{'aws:SecureTransport':'yes'}}"), "invalid Bool value \"yes\""),
                arguments(GENERIC, withCondition("{'Null':{'s3:prefix':'maybe'}}"), "invalid Null value \"maybe\""),
                arguments(GENERIC, withCondition("{'BinaryEquals':{'a:b':'!!!'}}"), "invalid base64 value \"!!!\""),
                arguments(GENERIC, withCondition("{'ArnLike':{'aws:SourceArn':'not-an-arn'}}"), "invalid ARN value \"not-an-arn\""),
                arguments(GENERIC, withCondition("{'StringLike':{'s3:prefix':'home/${aws:username'}}"),
                        "unterminated policy variable"),
                arguments(GENERIC, withCondition("{'NumericEquals':{'s3:max-keys':'${s3:max-keys}'}}"), "invalid number"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource({"malformedDocuments", "malformedStatements", "malformedPrincipalsAndBucketPolicies",
            "malformedConditions"})
    void rejectsMalformedDocumentsNamingTheProblem(PolicyValidation validation, String json, String expected) {
        assertThatThrownBy(() -> PolicyDocument.parse(json, validation))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsBadBucketNames() {
        assertThatThrownBy(() -> PolicyValidation.forBucket("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyValidation.forBucket("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyValidation.forBucket("a*")).isInstanceOf(IllegalArgumentException.class);
    }
}
