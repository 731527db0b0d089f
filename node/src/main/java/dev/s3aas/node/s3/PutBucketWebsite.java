package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.WebsiteConfiguration;
import java.io.IOException;

/**
 * PUT /bucket?website — PutBucketWebsite: an IndexDocument (and optional ErrorDocument) or a
 * RedirectAllRequestsTo. The configuration is stored and returned; the node has no website endpoint that serves
 * it. RoutingRules are refused with NotImplemented rather than stored and silently never applied.
 */
record PutBucketWebsite(ObjectStore store) implements Operation {
    private static final int MAX_BODY = 64 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        WebsiteConfiguration w = parse(XmlBody.parse(SmallBody.read(ex, MAX_BODY)));
        store.updateBucketConfig(ex.bucket(), c -> c.withWebsite(w));
        ex.sendEmpty(200);
    }

    static WebsiteConfiguration parse(XmlBody.Node doc) throws S3Exception {
        if (!doc.name().equals("WebsiteConfiguration")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        if (doc.child("RoutingRules") != null) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "Website RoutingRules are not supported by this server.");
        }
        XmlBody.Node redirect = doc.child("RedirectAllRequestsTo");
        XmlBody.Node index = doc.child("IndexDocument");
        if ((redirect == null) == (index == null)) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "A website configuration needs either an IndexDocument or RedirectAllRequestsTo, not both.");
        }
        if (redirect != null) {
            String host = redirect.childText("HostName");
            String protocol = redirect.childText("Protocol");
            if (host == null || host.isEmpty()) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "RedirectAllRequestsTo needs a HostName.");
            }
            if (protocol != null && !protocol.equals("http") && !protocol.equals("https")) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "Protocol must be http or https.");
            }
            if (doc.child("ErrorDocument") != null) {
                throw new S3Exception(S3ErrorCode.InvalidArgument,
                        "RedirectAllRequestsTo cannot be combined with an ErrorDocument.");
            }
            return new WebsiteConfiguration(null, null, host, protocol);
        }
        String suffix = index.childText("Suffix");
        if (suffix == null || suffix.isEmpty() || suffix.contains("/")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "The IndexDocument Suffix must be non-empty and must not contain a slash.");
        }
        XmlBody.Node error = doc.child("ErrorDocument");
        String errorKey = error == null ? null : error.childText("Key");
        if (error != null && (errorKey == null || errorKey.isEmpty())) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The ErrorDocument needs a Key.");
        }
        return new WebsiteConfiguration(suffix, errorKey, null, null);
    }
}
