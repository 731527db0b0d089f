package dev.s3aas.node.storage;

import java.time.Instant;

/** An uploaded part. {@code checksum} is the base64 value of the upload's checksum algorithm, or null. */
public record PartInfo(int partNumber, long size, String etag, Instant lastModified, String checksum) {}
