package dev.s3aas.node.s3;

import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyDocument;
import dev.s3aas.common.policy.PolicyEvaluator;
import dev.s3aas.common.policy.PolicyValidation;
import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * GET /bucket?policyStatus — GetBucketPolicyStatus: whether the bucket policy makes the bucket public (the rules are on
 * {@code PublicPolicyCheck}). Like S3, a bucket without a policy answers NoSuchBucketPolicy.
 */
record GetBucketPolicyStatus(ObjectStore store, BucketPolicies policies) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        GetBucketPolicy.policyOf(store.bucket(ex.bucket()));
        boolean isPublic = policies.of(ex.bucket()).map(PolicyEvaluator::isPublic).orElse(false);
        ex.sendXml(200, Xml.document("PolicyStatus").element("IsPublic", isPublic));
    }
}
