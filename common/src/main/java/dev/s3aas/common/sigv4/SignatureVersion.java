package dev.s3aas.common.sigv4;

/** How a request was signed. */
public enum SignatureVersion {
    /** AWS Signature Version 2 (HMAC-SHA1), still sent by some older clients. */
    V2,
    /** AWS Signature Version 4 (AWS4-HMAC-SHA256). */
    V4
}
