package dev.s3aas.node.storage;

import java.time.Instant;

/** A bucket as the protocol layer sees it. {@code config} holds the per-bucket settings (versioning, policy…). */
public record BucketInfo(String name, Instant created, String region, BucketConfig config) {}
