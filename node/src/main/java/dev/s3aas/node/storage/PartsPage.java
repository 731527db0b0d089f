package dev.s3aas.node.storage;

import java.util.List;

/** A page of ListParts. {@code nextPartNumberMarker} is the last part number returned (0 if none). */
public record PartsPage(MultipartUpload upload, List<PartInfo> parts, boolean truncated, int nextPartNumberMarker) {
    public PartsPage {
        parts = List.copyOf(parts);
    }
}
