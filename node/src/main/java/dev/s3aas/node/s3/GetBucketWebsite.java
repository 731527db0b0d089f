package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.WebsiteConfiguration;

/** GET /bucket?website — GetBucketWebsite (404 NoSuchWebsiteConfiguration when none is set). */
record GetBucketWebsite(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        WebsiteConfiguration w = store.bucket(ex.bucket()).config().website();
        if (w == null) {
            throw new S3Exception(S3ErrorCode.NoSuchWebsiteConfiguration);
        }
        Xml xml = Xml.document("WebsiteConfiguration");
        if (w.redirectHost() != null) {
            xml.start("RedirectAllRequestsTo").element("HostName", w.redirectHost())
                    .element("Protocol", w.redirectProtocol()).end();
        } else {
            xml.start("IndexDocument").element("Suffix", w.indexSuffix()).end();
            if (w.errorKey() != null) {
                xml.start("ErrorDocument").element("Key", w.errorKey()).end();
            }
        }
        ex.sendXml(200, xml);
    }
}
