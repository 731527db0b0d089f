package dev.s3aas.node;

/** Who may read a node's {@code /metrics}. */
public enum MetricsAccess {
    /** A bearer token in MinIO's format for the root credentials (the default, as MinIO's). */
    TOKEN,
    /** Anyone who reaches the port: only for a node whose port only the monitoring network reaches. */
    PUBLIC,
    /** No metrics are kept and {@code /metrics} is not served (a bucket named "metrics" is then just a bucket). */
    OFF
}
