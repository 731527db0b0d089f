package dev.s3aas.node.storage;

import java.util.List;

/** A page of ListMultipartUploads, with where the next page starts when truncated. */
public record UploadsPage(List<MultipartUpload> uploads, List<String> commonPrefixes, boolean truncated,
                          String nextKeyMarker, String nextUploadIdMarker) {
    public UploadsPage {
        uploads = List.copyOf(uploads);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
