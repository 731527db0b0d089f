package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectData;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import org.eclipse.jetty.io.RetainableByteBuffer;

/** GET /bucket/key — GetObject: conditionals, a single range, response-* overrides, streamed body. */
record GetObject(ObjectStore store, SseCustomerKey.Reader keys) implements Operation {
    /** Bodies up to this size are small (inline objects); no pooled buffer is needed for them. */
    private static final long INLINE_COPY_LIMIT = 128 * 1024;
    private static final int BUFFER = 256 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        SseCustomerKey customer = keys.of(ex);
        try (ObjectData data = store.openObject(ex.bucket(), ex.key(), ex.query().get("versionId"),
                SseCustomerKey.raw(customer))) {
            ObjectInfo info = data.info();
            if (HeadObject.preconditions(ex, info)) {
                return;
            }
            ByteRange range = HeadObject.range(ex, info);
            ObjectHeaders.toResponse(ex, info, range);
            if (customer != null) {
                customer.toResponse(ex);
            }
            ExpirationHeader.set(ex, store, info);
            ObjectHeaders.applyOverrides(ex);
            long offset = range == null ? 0 : range.first();
            long length = range == null ? info.size() : range.length();
            ex.responseHeaders().put("Content-Length", length);
            if (range != null) {
                ex.setHeader("Content-Range", range.contentRange(info.size()));
            }
            ex.beginStream(range == null ? 200 : 206);
            if (length <= INLINE_COPY_LIMIT) {
                data.transferTo(offset, length, null, ex::write);
            } else {
                RetainableByteBuffer buffer = ex.acquireBuffer((int) Math.min(BUFFER, length));
                try {
                    data.transferTo(offset, length, buffer.getByteBuffer(), ex::write);
                } finally {
                    buffer.release();
                }
            }
            ex.finishStream();
        }
    }
}
