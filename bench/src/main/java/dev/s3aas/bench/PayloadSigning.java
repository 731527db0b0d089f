package dev.s3aas.bench;

/** How the lean client fills x-amz-content-sha256. */
public enum PayloadSigning {
    /** {@code UNSIGNED-PAYLOAD}: the header is signed, the body is not hashed (what SDKs do over TLS). */
    UNSIGNED,
    /** The SHA-256 of the body, precomputed per distinct payload so hashing stays out of the hot loop. */
    SIGNED
}
