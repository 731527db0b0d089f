package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.Digests;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * An SSE-C key from a request's {@code x-amz-server-side-encryption-customer-*} headers (or the
 * {@code x-amz-copy-source-server-side-encryption-customer-*} ones for a copy's source), as AWS specifies:
 * algorithm AES256, a base64 256-bit key and the base64 MD5 of the key, which must match. The key lives only
 * for the request; storage keeps a salted HMAC of it to recognise it later, never the key.
 */
record SseCustomerKey(byte[] key, String keyMd5) {
    private static final String PREFIX = "x-amz-server-side-encryption-customer-";
    private static final String COPY_PREFIX = "x-amz-copy-source-server-side-encryption-customer-";

    /**
     * Reads SSE-C keys from requests. Keys travel in headers, so over plain HTTP they would cross the network in
     * clear: refused unless {@code allowHttp} (a node behind a TLS-terminating proxy; RGW's
     * {@code rgw crypt require ssl = false}). Whether a request is secure is the connection's own answer
     * ({@code Request.isSecure()}: true on the node's HTTPS connector), so a node serving TLS accepts keys
     * without the flag, and a plain HTTP connection never passes for a secure one.
     */
    record Reader(boolean allowHttp) {
        /** The key of the request's own object, or null when it sends none. */
        SseCustomerKey of(S3Exchange ex) throws S3Exception {
            return parse(ex, PREFIX, allowHttp);
        }

        /** The key of a copy's source object, or null when it sends none. */
        SseCustomerKey ofCopySource(S3Exchange ex) throws S3Exception {
            return parse(ex, COPY_PREFIX, allowHttp);
        }
    }

    /** The raw key of an optional SSE-C key. */
    static byte[] raw(SseCustomerKey k) {
        return k == null ? null : k.key();
    }

    /**
     * For a HEAD (or anything that reads a version without its data): the same check storage makes when it opens
     * the data ({@link dev.s3aas.node.storage.CustomerKeys#check}).
     */
    static void check(dev.s3aas.node.storage.ObjectInfo info, SseCustomerKey k)
            throws dev.s3aas.node.storage.StorageException {
        dev.s3aas.node.storage.CustomerKeys.check(info.customerKeyVerifier(), raw(k));
    }

    private static SseCustomerKey parse(S3Exchange ex, String prefix, boolean allowHttp) throws S3Exception {
        String algorithm = ex.header(prefix + "algorithm");
        String key = ex.header(prefix + "key");
        String md5 = ex.header(prefix + "key-MD5");
        if (algorithm == null && key == null && md5 == null) {
            return null;
        }
        if (!allowHttp && !ex.isSecure()) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Requests specifying Server Side Encryption with "
                    + "Customer provided keys must be made over a secure connection.");
        }
        if (algorithm == null || key == null || md5 == null) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Requests specifying Server Side Encryption with "
                    + "Customer provided keys must provide the algorithm, the key and the key's MD5.");
        }
        if (!algorithm.equals(ServerSideEncryption.AES256)) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The encryption algorithm " + algorithm
                    + " is not valid; SSE-C supports AES256.");
        }
        byte[] raw;
        byte[] digest;
        try {
            raw = Base64.getDecoder().decode(key.trim());
            digest = Base64.getDecoder().decode(md5.trim());
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The SSE-C key or its MD5 is not valid base64.");
        }
        if (raw.length != 32) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "The secret key was invalid for the specified algorithm (AES256 needs 256 bits).");
        }
        if (!MessageDigest.isEqual(digest, Digests.md5().digest(raw))) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "The calculated MD5 hash of the key did not match the hash that was provided.");
        }
        return new SseCustomerKey(raw, md5.trim());
    }

    /** The response headers AWS returns for an SSE-C object (algorithm and the key's MD5, never the key). */
    void toResponse(S3Exchange ex) {
        ex.setHeader(PREFIX + "algorithm", ServerSideEncryption.AES256);
        ex.setHeader(PREFIX + "key-MD5", keyMd5);
    }
}
