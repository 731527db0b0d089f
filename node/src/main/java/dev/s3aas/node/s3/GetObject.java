package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectData;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** GET /bucket/key — GetObject: conditionals, a single range, response-* overrides, streamed body. */
record GetObject(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        try (ObjectData data = store.openObject(ex.bucket(), ex.key(), ex.query().get("versionId"))) {
            ObjectInfo info = data.info();
            if (HeadObject.preconditions(ex, info)) {
                return;
            }
            ByteRange range = HeadObject.range(ex, info);
            ObjectHeaders.toResponse(ex, info);
            ObjectHeaders.applyOverrides(ex);
            long offset = range == null ? 0 : range.first();
            long length = range == null ? info.size() : range.length();
            ex.responseHeaders().put("Content-Length", length);
            if (range != null) {
                ex.setHeader("Content-Range", range.contentRange(info.size()));
            }
            ex.beginStream(range == null ? 200 : 206);
            data.transferTo(offset, length, ex::write);
            ex.finishStream();
        }
    }
}
