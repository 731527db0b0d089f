package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import dev.s3aas.node.storage.CompleteUploadInput;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /bucket/key?uploadId=U — CompleteMultipartUpload. The part list is checked against the uploaded parts
 * (numbers ascending, ETags and checksums equal, 5 MiB minimum but for the last) inside the commit, together
 * with {@code If-None-Match: *} / {@code If-Match} conditional-write headers.
 */
record CompleteMultipartUpload(ObjectStore store) implements Operation {
    private static final int MAX_BODY = 2 * 1024 * 1024;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        XmlBody.Node doc = XmlBody.parse(SmallBody.read(ex, MAX_BODY, false));
        if (!doc.name().equals("CompleteMultipartUpload")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        List<CompleteUploadInput.Part> parts = new ArrayList<>();
        for (XmlBody.Node p : doc.all("Part")) {
            String number = p.childText("PartNumber");
            String etag = p.childText("ETag");
            if (number == null || etag == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            parts.add(new CompleteUploadInput.Part(PartNumber.parse(number), ObjectHeaders.unquote(etag), checksum(p)));
        }
        if (parts.isEmpty()) {
            throw new S3Exception(S3ErrorCode.MalformedXML,
                    "The XML you provided was not well-formed or did not validate against our published schema: "
                            + "at least one Part is required.");
        }
        ObjectInfo info = store.completeMultipartUpload(new CompleteUploadInput(ex.bucket(), ex.key(),
                ex.query().get("uploadId"), parts, PutObject.writeCondition(ex), objectChecksum(ex)));
        Xml xml = Xml.document("CompleteMultipartUploadResult")
                .element("Location", "/" + ex.bucket() + "/" + ex.key())
                .element("Bucket", ex.bucket())
                .element("Key", ex.key())
                .element("ETag", ObjectHeaders.quote(info.etag()));
        if (info.checksum() != null) {
            xml.element(info.checksum().algorithm().xmlElement(), info.checksum().value())
                    .element("ChecksumType", info.checksum().type());
        }
        ObjectHeaders.setVersionId(ex, info.versionId());
        if (info.customerKeyVerifier() == null) {
            ServerSideEncryption.toResponse(ex, info, null);
        } else {
            ex.setHeader("x-amz-server-side-encryption-customer-algorithm", ServerSideEncryption.AES256);
        }
        ExpirationHeader.set(ex, store, info);
        ex.sendXml(200, xml);
    }

    /** The whole object's checksum the client may send with the completion ({@code x-amz-checksum-<alg>}). */
    private static CompleteUploadInput.ExpectedChecksum objectChecksum(S3Exchange ex) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = ex.header(a.headerName());
            if (v != null && !v.isBlank()) {
                return new CompleteUploadInput.ExpectedChecksum(a, v.trim());
            }
        }
        return null;
    }

    /** The part's checksum as listed by the client (any one Checksum* element), or null. */
    private static String checksum(XmlBody.Node part) {
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = part.childText(a.xmlElement());
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
