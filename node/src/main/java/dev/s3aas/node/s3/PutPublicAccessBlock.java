package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PublicAccessBlock;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * PUT /bucket?publicAccessBlock — PutPublicAccessBlock. BlockPublicAcls refuses new public ACLs,
 * IgnorePublicAcls stops public grants from counting, BlockPublicPolicy refuses public bucket policies and
 * RestrictPublicBuckets stops a public policy from granting anonymous callers anything (see AccessControl).
 */
record PutPublicAccessBlock(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, 16 * 1024));
        if (!doc.name().equals("PublicAccessBlockConfiguration")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        PublicAccessBlock b = new PublicAccessBlock(flag(doc, "BlockPublicAcls"), flag(doc, "IgnorePublicAcls"),
                flag(doc, "BlockPublicPolicy"), flag(doc, "RestrictPublicBuckets"));
        store.updateBucketConfig(ex.bucket(), c -> c.withPublicAccessBlock(b));
        ex.sendEmpty(200);
    }

    private static boolean flag(XmlBody.Node doc, String name) throws S3Exception {
        String v = doc.childText(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new S3Exception(S3ErrorCode.MalformedXML, name + " must be true or false.");
    }
}
