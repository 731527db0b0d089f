package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/** HEAD /bucket/key — HeadObject: the headers GetObject would send, no body. */
record HeadObject(ObjectStore store, SseCustomerKey.Reader keys) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        SseCustomerKey customer = keys.of(ex);
        ObjectInfo info = store.headObject(ex.bucket(), ex.key(), ex.query().get("versionId"));
        SseCustomerKey.check(info, customer);
        if (preconditions(ex, info)) {
            return;
        }
        ByteRange range = range(ex, info);
        ObjectHeaders.toResponse(ex, info, range);
        if (customer != null) {
            customer.toResponse(ex);
        }
        ExpirationHeader.set(ex, store, info);
        ObjectHeaders.applyOverrides(ex);
        ex.responseHeaders().put("Content-Length", range == null ? info.size() : range.length());
        if (range != null) {
            ex.setHeader("Content-Range", range.contentRange(info.size()));
        }
        ex.sendEmpty(range == null ? 200 : 206);
    }

    /** Evaluates If-* headers; returns true if the exchange was answered (304). 412 is thrown. */
    static boolean preconditions(S3Exchange ex, ObjectInfo info) throws S3Exception {
        switch (Conditionals.evaluate(ex, info)) {
            case PROCEED -> {
                return false;
            }
            case NOT_MODIFIED -> {
                ex.setHeader("ETag", ObjectHeaders.quote(info.etag()));
                ex.setHeader("Last-Modified", HttpDates.format(info.lastModified()));
                ex.sendEmpty(304);
                return true;
            }
            case PRECONDITION_FAILED -> throw new S3Exception(S3ErrorCode.PreconditionFailed);
        }
        throw new IllegalStateException();
    }

    static ByteRange range(S3Exchange ex, ObjectInfo info) throws S3Exception {
        String partNumber = ex.query().get("partNumber");
        if (partNumber != null) {
            if (ex.header("Range") != null) {
                throw new S3Exception(S3ErrorCode.InvalidRequest,
                        "Cannot specify both Range header and partNumber query parameter");
            }
            return partRange(PartNumber.parse(partNumber), info);
        }
        try {
            return ByteRange.parse(ex.header("Range"), info.size());
        } catch (S3Exception e) {
            ex.setHeader("Content-Range", "bytes */" + info.size());
            throw e;
        }
    }

    /** The bytes of part n: a multipart object's nth part; part 1 of a single-part object is all of it. */
    private static ByteRange partRange(int n, ObjectInfo info) throws S3Exception {
        int count = Math.max(1, info.partsCount());
        if (n > count) {
            throw new S3Exception(S3ErrorCode.InvalidPartNumber);
        }
        if (info.partsCount() == 0) {
            return info.size() == 0 ? null : new ByteRange(0, info.size() - 1);
        }
        long start = 0;
        for (int i = 0; i < n - 1; i++) {
            start += info.partSizes().get(i);
        }
        long length = info.partSizes().get(n - 1);
        return length == 0 ? null : new ByteRange(start, start + length - 1);
    }
}
