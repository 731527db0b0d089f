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
 * Put/Get/DeleteBucketPolicy and GetBucketPolicyStatus. The policy is stored as the client sent it in
 * {@code BucketConfig.policyJson} and evaluated through {@link BucketPolicies}.
 */
final class BucketPolicyOperations {
    private BucketPolicyOperations() {}

    /** The {@code ?policy} and {@code ?policyStatus} sub-resources of a bucket; null for anything else. */
    static S3Operation route(String method, QueryParams q) {
        if (q.has("policy")) {
            return switch (method) {
                case "PUT" -> S3Operation.PUT_BUCKET_POLICY;
                case "GET" -> S3Operation.GET_BUCKET_POLICY;
                case "DELETE" -> S3Operation.DELETE_BUCKET_POLICY;
                default -> null;
            };
        }
        if (q.has("policyStatus") && method.equals("GET")) {
            return S3Operation.GET_BUCKET_POLICY_STATUS;
        }
        return null;
    }

    /**
     * PUT /bucket?policy — validated for this bucket (PolicyValidation.forBucket); a document that does not
     * parse is refused with MalformedPolicy and the parser's message, which names the element at fault.
     * Answers 204 like S3.
     */
    record Put(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
            store.bucket(ex.bucket());
            byte[] body;
            try {
                body = SmallBody.read(ex, PolicyDocument.MAX_SIZE_BYTES);
            } catch (S3Exception e) {
                if (e.code() != S3ErrorCode.MaxMessageLengthExceeded) {
                    throw e;
                }
                throw new S3Exception(S3ErrorCode.MalformedPolicy,
                        "Policy exceeds the maximum allowed document size (" + PolicyDocument.MAX_SIZE_BYTES
                                + " bytes).");
            }
            String json = utf8(body);
            PolicyDocument doc;
            try {
                doc = PolicyDocument.parse(json, PolicyValidation.forBucket(ex.bucket()));
            } catch (MalformedPolicyException e) {
                throw new S3Exception(S3ErrorCode.MalformedPolicy, e.getMessage());
            }
            var block = store.bucket(ex.bucket()).config().publicAccessBlock();
            if (block != null && block.blockPublicPolicy() && PolicyEvaluator.isPublic(doc)) {
                throw new S3Exception(S3ErrorCode.AccessDenied, "Access Denied: the bucket's Block Public Access "
                        + "settings (BlockPublicPolicy) refuse public bucket policies.");
            }
            store.updateBucketConfig(ex.bucket(), c -> c.withPolicy(json));
            ex.sendEmpty(204);
        }

        private static String utf8(byte[] body) throws S3Exception {
            if (body.length == 0) {
                throw new S3Exception(S3ErrorCode.MalformedPolicy, "Policies must be valid JSON and the first byte "
                        + "must be '{'");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new S3Exception(S3ErrorCode.MalformedPolicy, "Policies must be valid UTF-8 JSON.");
            }
        }
    }

    /** GET /bucket?policy — the document exactly as stored; NoSuchBucketPolicy if there is none. */
    record Get(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException {
            String json = policyOf(store.bucket(ex.bucket()));
            ex.sendBytes(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** DELETE /bucket?policy — 204 whether or not there was a policy, as S3 answers. */
    record Delete(ObjectStore store) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws StorageException, IOException {
            store.updateBucketConfig(ex.bucket(), c -> c.withPolicy(null));
            ex.sendEmpty(204);
        }
    }

    /**
     * GET /bucket?policyStatus — whether the bucket policy makes the bucket public (the rules are on
     * {@code PublicPolicyCheck}). Like S3, a bucket without a policy answers NoSuchBucketPolicy.
     */
    record GetStatus(ObjectStore store, BucketPolicies policies) implements Operation {
        @Override
        public void handle(S3Exchange ex) throws S3Exception, StorageException {
            policyOf(store.bucket(ex.bucket()));
            boolean isPublic = policies.of(ex.bucket()).map(PolicyEvaluator::isPublic).orElse(false);
            ex.sendXml(200, Xml.document("PolicyStatus").element("IsPublic", isPublic));
        }
    }

    private static String policyOf(BucketInfo b) throws S3Exception {
        String json = b.config().policyJson();
        if (json == null) {
            throw new S3Exception(S3ErrorCode.NoSuchBucketPolicy);
        }
        return json;
    }
}
