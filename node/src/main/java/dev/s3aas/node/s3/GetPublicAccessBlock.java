package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PublicAccessBlock;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?publicAccessBlock — GetPublicAccessBlock (404 NoSuchPublicAccessBlockConfiguration when unset). */
record GetPublicAccessBlock(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        PublicAccessBlock b = store.bucket(ex.bucket()).config().publicAccessBlock();
        if (b == null) {
            throw new S3Exception(S3ErrorCode.NoSuchPublicAccessBlockConfiguration);
        }
        ex.sendXml(200, Xml.document("PublicAccessBlockConfiguration")
                .element("BlockPublicAcls", b.blockPublicAcls()).element("IgnorePublicAcls", b.ignorePublicAcls())
                .element("BlockPublicPolicy", b.blockPublicPolicy())
                .element("RestrictPublicBuckets", b.restrictPublicBuckets()));
    }
}
