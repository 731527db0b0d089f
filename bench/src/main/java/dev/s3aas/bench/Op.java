package dev.s3aas.bench;

/** The operation a cell measures. A PUT of an object at or above the multipart threshold is a multipart upload. */
public enum Op {
    PUT, GET
}
