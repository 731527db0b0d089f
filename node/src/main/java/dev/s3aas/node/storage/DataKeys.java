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
        if (CustomerKeys.isCustomerKey(slot)) {
            return CustomerKeys.check(slot, customerKey);
        }
        if (customerKey != null) {
            throw new StorageException(StorageError.INVALID_REQUEST,
                    "The encryption parameters are not applicable to this object.");
        }
        if (slot == null) {
            return null;
        }
        return KmsKeyRing.isKmsSlot(slot) ? ring.unwrap(slot) : master.unseal(slot);
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
