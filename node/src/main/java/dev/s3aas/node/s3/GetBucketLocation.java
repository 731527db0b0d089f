package dev.s3aas.node.s3;

import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** GET /bucket?location — GetBucketLocation; us-east-1 is reported as an empty constraint, as S3 does. */
record GetBucketLocation(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws StorageException {
        BucketInfo b = store.bucket(ex.bucket());
        String region = b.region() == null || b.region().equals("us-east-1") ? "" : b.region();
        Xml xml = Xml.document("LocationConstraint");
        ex.sendXml(200, region.isEmpty() ? xml : xml.text(region));
    }
}
