package dev.s3aas.node.storage;

import java.io.IOException;

/**
 * Which key encrypts a version's data, from its key slot: nothing (plaintext), an SSE-S3 data key sealed by the
 * master key, an SSE-KMS data key wrapped by a key-ring key ({@code k1:…}), or an SSE-C customer key that the
 * request must bring ({@code c1:…}, a verifier only).
 */
final class DataKeys {
    private final SseMasterKey master;
    private final KmsKeyRing ring;

    DataKeys(SseMasterKey master, KmsKeyRing ring) {
        this.master = master;
        this.ring = ring;
    }

    KmsKeyRing ring() {
        return ring;
    }

    /**
     * The data key of a version or upload, given the customer key the request brought (or null). A customer
     * key offered for data that is not SSE-C is refused, as S3 does; SSE-C data without the key too.
     */
    byte[] resolve(String slot, byte[] customerKey) throws StorageException, IOException {
        CustomerKeys.check(slot, customerKey);
        if (customerKey != null) {
            return customerKey;
        }
        if (slot == null) {
            return null;
        }
        return KmsKeyRing.isKmsSlot(slot) ? ring.unwrap(slot) : master.unseal(slot);
    }

    /**
     * The encryption a write gets: what it asks for, else the bucket's default (AES256 or aws:kms), else none.
     * aws:kms without a key id takes the bucket's default KMS key; there is no AWS-managed key to fall back on.
     */
    static SseRequest effective(BucketRecord bucket, SseRequest requested) throws StorageException {
        String bucketKey = bucket.config().encryptionKeyId();
        if (requested != null && requested.kind() == SseRequest.Kind.SSE_KMS && requested.kmsKeyId() == null) {
            if (bucketKey == null) {
                throw new StorageException(StorageError.INVALID_ARGUMENT, "aws:kms needs "
                        + "x-amz-server-side-encryption-aws-kms-key-id: this server has no AWS-managed key and the "
                        + "bucket no default KMS key; create keys with the admin API (kms/key/create).");
            }
            return SseRequest.kms(bucketKey);
        }
        if (requested != null) {
            return requested;
        }
        String e = bucket.config().encryption();
        if ("AES256".equals(e)) {
            return SseRequest.SSE_S3;
        }
        return "aws:kms".equals(e) ? SseRequest.kms(bucket.config().encryptionKeyId()) : null;
    }

    /** The key for new data in {@code bucket}: as {@link #forWrite(SseRequest, byte[])} after the bucket's default. */
    CustomerKeys.WriteKey forWrite(BucketRecord bucket, SseRequest requested, byte[] customerKey)
            throws StorageException, IOException {
        return forWrite(customerKey != null ? null : effective(bucket, requested), customerKey);
    }

    /**
     * The key for new data: the customer's (SSE-C wins over any default, as in S3), a fresh data key for SSE-S3
     * or SSE-KMS, or null for plaintext.
     */
    CustomerKeys.WriteKey forWrite(SseRequest sse, byte[] customerKey) throws StorageException, IOException {
        if (customerKey != null) {
            return CustomerKeys.forWrite(customerKey);
        }
        if (sse == null) {
            return null;
        }
        return switch (sse.kind()) {
            case SSE_S3 -> {
                SseMasterKey.DataKey k = master.newDataKey();
                yield new CustomerKeys.WriteKey(k.plain(), k.sealed());
            }
            case SSE_KMS -> ring.newDataKey(sse.kmsKeyId());  // a resolved request: never null here
        };
    }
}
