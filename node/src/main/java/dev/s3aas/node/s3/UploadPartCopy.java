package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PartInfo;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.UploadPartCopyInput;
import java.io.IOException;

/**
 * PUT /bucket/key?partNumber=N&uploadId=U with {@code x-amz-copy-source} — UploadPartCopy, optionally of the
 * byte range {@code x-amz-copy-source-range: bytes=first-last}.
 */
record UploadPartCopy(ObjectStore store, SseCustomerKey.Reader keys) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        int partNumber = PartNumber.parse(ex.query().get("partNumber"));
        CopySourceHeader.Parsed src = CopySourceHeader.parse(ex.header("x-amz-copy-source"));
        long first = -1;
        long last = -1;
        String range = ex.header("x-amz-copy-source-range");
        if (range != null) {
            long[] r = parseRange(range);
            first = r[0];
            last = r[1];
        }
        PartInfo part = store.uploadPartCopy(new UploadPartCopyInput(CopySourceHeader.source(ex, src), first, last,
                ex.bucket(), ex.key(), ex.query().get("uploadId"), partNumber, SseCustomerKey.raw(keys.ofCopySource(ex)),
                SseCustomerKey.raw(keys.of(ex))));
        Xml xml = Xml.document("CopyPartResult")
                .element("LastModified", part.lastModified())
                .element("ETag", ObjectHeaders.quote(part.etag()));
        ex.sendXml(200, xml);
    }

    /** {@code bytes=first-last}, both required (S3 rejects open and suffix ranges here). */
    private static long[] parseRange(String header) throws S3Exception {
        String h = header.trim();
        int dash = h.indexOf('-');
        if (h.startsWith("bytes=") && dash > 6) {
            try {
                long first = Long.parseLong(h.substring(6, dash));
                long last = Long.parseLong(h.substring(dash + 1));
                if (first >= 0 && last >= first) {
                    return new long[] {first, last};
                }
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument,
                "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the "
                        + "zero-based offsets of the first and last bytes to copy");
    }
}
