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

/** GET /bucket?policy — GetBucketPolicy: the document exactly as stored; NoSuchBucketPolicy if there is none. */
record GetBucketPolicy(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        String json = policyOf(store.bucket(ex.bucket()));
        ex.sendBytes(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static String policyOf(BucketInfo b) throws S3Exception {
        String json = b.config().policyJson();
        if (json == null) {
            throw new S3Exception(S3ErrorCode.NoSuchBucketPolicy);
        }
        return json;
    }
}
