package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket?requestPayment — GetBucketRequestPayment: the bucket owner pays, S3's default and the only mode a
 * node has (Requester Pays is refused).
 */
record GetBucketRequestPayment(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        store.bucket(ex.bucket());
        ex.sendXml(200, Xml.document("RequestPaymentConfiguration").element("Payer", "BucketOwner"));
    }
}
