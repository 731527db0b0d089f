package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CorsConfiguration;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** PUT /bucket?cors — PutBucketCors: replaces the bucket's CORS rules (validated as S3 validates them). */
record PutBucketCors(ObjectStore store) implements Operation {
    private static final int MAX_BODY = 64 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        CorsConfiguration cors = CorsRules.fromDocument(XmlBody.parse(SmallBody.read(ex, MAX_BODY)));
        store.updateBucketConfig(ex.bucket(), c -> c.withCors(cors));
        ex.sendEmpty(200);
    }
}
