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
 * PUT /bucket?policy — PutBucketPolicy, validated for this bucket (PolicyValidation.forBucket); a document that does not
 * parse is refused with MalformedPolicy and the parser's message, which names the element at fault.
 * Answers 204 like S3.
 */
record PutBucketPolicy(ObjectStore store) implements Operation {
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
