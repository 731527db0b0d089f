package dev.s3aas.node.s3;

import dev.s3aas.node.storage.DeleteOutcome;
import dev.s3aas.node.storage.DeleteTarget;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /bucket?delete — DeleteObjects: up to 1000 keys, each deleted (and reported) on its own, atomically
 * per key but committed together; quiet mode reports only failures. In a bucket with MFA delete, a request
 * naming any version id needs a valid {@code x-amz-mfa} code, or fails as a whole (as in AWS).
 */
record DeleteObjects(ObjectStore store, AccessControl access, MfaCheck mfa) implements Operation {
    private static final int MAX_KEYS = 1000;
    private static final int MAX_BODY = 2 * 1024 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        store.bucket(ex.bucket());
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, MAX_BODY));
        if (!doc.name().equals("Delete")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        boolean quiet = "true".equalsIgnoreCase(doc.childText("Quiet"));
        List<XmlBody.Node> objects = doc.all("Object");
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        if (objects.stream().anyMatch(o -> o.childText("VersionId") != null && !o.childText("VersionId").isEmpty())) {
            mfa.requireIfEnabled(store, ex);
        }
        Xml xml = Xml.document("DeleteResult");
        // AWS authorizes s3:DeleteObject per key; a denied key is reported as that key's AccessDenied.
        var mayDelete = access.objectAuthorizer(ex, S3Operation.DELETE_OBJECTS, "s3:DeleteObject");
        var mayDeleteVersion = access.objectAuthorizer(ex, S3Operation.DELETE_OBJECTS, "s3:DeleteObjectVersion");
        // The bypass header only counts for keys the caller may bypass on; elsewhere retention applies as usual.
        boolean bypassRequested = DeleteObject.bypassGovernance(ex);
        var mayBypass = access.objectAuthorizer(ex, S3Operation.DELETE_OBJECTS, "s3:BypassGovernanceRetention");
        // Checks first, then all permitted deletes in one batch (sharing WAL syncs), then the answer in the
        // request's order.
        int n = objects.size();
        String[] keys = new String[n];
        String[] versionIds = new String[n];
        S3Exception[] refused = new S3Exception[n];
        List<DeleteTarget> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            XmlBody.Node o = objects.get(i);
            String key = o.childText("Key");
            if (key == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            String versionId = o.childText("VersionId");
            keys[i] = key;
            versionIds[i] = versionId;
            try {
                ObjectKey.parse(key);
                boolean versioned = versionId != null && !versionId.isEmpty();
                if (!(versioned ? mayDeleteVersion : mayDelete).test(key)) {
                    throw new S3Exception(S3ErrorCode.AccessDenied);
                }
                targets.add(new DeleteTarget(key, versioned ? versionId : null,
                        bypassRequested && mayBypass.test(key)));
            } catch (S3Exception e) {
                refused[i] = e;
            }
        }
        List<DeleteTarget.Result> results = store.deleteObjects(ex.bucket(), targets);
        for (int i = 0, next = 0; i < n; i++) {
            if (refused[i] != null) {
                error(xml, keys[i], versionIds[i], refused[i].code(), refused[i].getMessage());
                continue;
            }
            DeleteTarget.Result r = results.get(next++);
            if (r.error() != null) {
                error(xml, keys[i], versionIds[i], ErrorMapper.map(r.error().error()), r.error().getMessage());
            } else if (!quiet) {
                deleted(xml, keys[i], versionIds[i], r.outcome());
            }
        }
        ex.sendXml(200, xml);
    }

    /** S3: VersionId echoes the request; DeleteMarker(VersionId) tells about a marker created or removed. */
    private static void deleted(Xml xml, String key, String versionId, DeleteOutcome out) {
        xml.start("Deleted").element("Key", key);
        if (versionId != null && !versionId.isEmpty()) {
            xml.element("VersionId", versionId);
        }
        if (out.deleteMarker()) {
            xml.element("DeleteMarker", true);
            if (out.versionId() != null && !out.versionId().equals("null")) {
                xml.element("DeleteMarkerVersionId", out.versionId());
            }
        }
        xml.end();
    }

    private static void error(Xml xml, String key, String versionId, S3ErrorCode code, String message) {
        xml.start("Error").element("Key", key);
        if (versionId != null && !versionId.isEmpty()) {
            xml.element("VersionId", versionId);
        }
        xml.element("Code", code.name()).element("Message", message).end();
    }
}
