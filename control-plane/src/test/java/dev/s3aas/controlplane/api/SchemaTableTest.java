package dev.s3aas.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.s3aas.controlplane.bucket.BucketName;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Role;
import dev.s3aas.controlplane.policy.PolicyDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table tests for the parsers: bucket names, policy documents, roles. */
class SchemaTableTest {
    // Examples from the Amazon S3 bucket naming rules page.
    @ParameterizedTest
    @ValueSource(strings = {"docexamplebucket1", "log-delivery-march-2020", "my-hosted-content", "a.b.c", "abc", "a1-2"})
    void validBucketNames(String name) {
        assertThat(new BucketName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"doc_example_bucket", "DocExampleBucket", "doc-example-bucket-", "ab", "a..b", "192.168.5.4",
        "xn--bucket", "bucket-s3alias", "bucket--ol-s3", "sthree-bucket", ".dot", "has space", "minio", "rustfs"})
    void invalidBucketNames(String name) {
        assertThat(BucketName.problem(name)).isNotNull();
        assertThatThrownBy(() -> new BucketName(name)).isInstanceOf(ApiError.Invalid.class);
    }

    // Shapes from the IAM JSON policy reference.
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"arn:aws:s3:::*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"x\",\"Effect\":\"Deny\",\"NotAction\":[\"s3:Get*\"],\"NotResource\":\"*\"}}",
        "{\"Version\":\"2008-10-17\",\"Id\":\"p\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::b/*\"],\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}"})
    void validPolicies(String json) {
        assertThat(PolicyDocument.parse(new TextNode(json)).json()).startsWith("{");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"Version\":\"2012-10-17\"}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"s3:x\",\"Resource\":\"*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"nocolon\",\"Resource\":\"*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"bucket\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Extra\":1}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[],\"Bogus\":true}",
        // Node-admin rights must not be grantable to a tenant's S3 keys.
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"admin:*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"kms:*\"],\"Resource\":\"*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}]}"})
    void invalidPolicies(String json) throws Exception {
        var node = new ObjectMapper().readTree(json);
        assertThatThrownBy(() -> PolicyDocument.parse(node)).isInstanceOf(ApiError.Invalid.class)
                .satisfies(e -> assertThat(((ApiError) e).field()).isEqualTo("content"));
    }

    @ParameterizedTest
    @CsvSource({
        "owner, INSTANCE_CREATE, true", "owner, ROLE_BINDING_CREATE, true",
        "operator, INSTANCE_CREATE, false", "operator, INSTANCE_DELETE, false", "operator, INSTANCE_UPDATE, true",
        "operator, BUCKET_DELETE, true", "operator, ACCESS_KEY_CREATE, true", "operator, ROLE_BINDING_CREATE, false",
        "viewer, INSTANCE_READ, true", "viewer, ACCESS_KEY_READ, true", "viewer, BUCKET_CREATE, false",
        "viewer, USER_UPDATE, false"})
    void rolePermissions(String role, Permission permission, boolean allowed) {
        assertThat(Role.parse(role, "role").allows(permission)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"INSTANCE_CREATE, s3aas.instance.create", "ACCESS_KEY_READ, s3aas.access_key.read",
        "ROLE_BINDING_DELETE, s3aas.role_binding.delete"})
    void permissionNames(Permission p, String external) {
        assertThat(p.externalName()).isEqualTo(external);
    }
}
