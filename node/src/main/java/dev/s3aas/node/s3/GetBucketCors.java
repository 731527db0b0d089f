package dev.s3aas.node.s3;

import dev.s3aas.node.storage.CorsConfiguration;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?cors — GetBucketCors (404 NoSuchCORSConfiguration when none is set, as S3). */
record GetBucketCors(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        CorsConfiguration cors = store.bucket(ex.bucket()).config().cors();
        if (cors == null) {
            throw new S3Exception(S3ErrorCode.NoSuchCORSConfiguration);
        }
        ex.sendXml(200, CorsRules.document(cors));
    }
}
