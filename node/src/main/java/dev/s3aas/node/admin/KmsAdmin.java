package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.node.storage.KmsKeyRing;
import java.io.IOException;
import java.util.List;

/**
 * The key ring for SSE-KMS, with madmin's paths: {@code POST kms/key/create?key-id=}, {@code GET kms/key/list},
 * {@code GET kms/key/status?key-id=}, and {@code POST kms/key/rotate?key-id=} (an s3aas extension: a new key
 * version for new objects; older objects keep theirs). There is no delete: it would make objects unreadable.
 */
final class KmsAdmin {
    private KmsAdmin() {}

    record KeyJson(@JsonProperty("name") String name, @JsonProperty("createdAt") String createdAt,
                   @JsonProperty("versions") int versions) {
        static KeyJson of(KmsKeyRing.KmsKey k) {
            return new KeyJson(k.id(), k.created().toString(), k.versions());
        }
    }

    record StatusJson(@JsonProperty("key-id") String keyId, @JsonProperty("encryption-error") String encryptionError,
                      @JsonProperty("decryption-error") String decryptionError) {}

    record CreateKey(KmsKeyRing ring) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            try {
                return AdminReply.json(KeyJson.of(ring.create(call.param("key-id"))));
            } catch (KmsKeyRing.KmsException e) {
                throw new AdminException(ring.exists(call.param("key-id")) ? AdminError.XMinioKMSKeyExists
                        : AdminError.XMinioAdminInvalidArgument, e.getMessage());
            }
        }
    }

    record RotateKey(KmsKeyRing ring) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            try {
                return AdminReply.json(KeyJson.of(ring.rotate(call.param("key-id"))));
            } catch (KmsKeyRing.KmsException e) {
                throw new AdminException(AdminError.XMinioKMSKeyNotFound, e.getMessage());
            }
        }
    }

    record ListKeys(KmsKeyRing ring) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            List<KeyJson> keys = ring.list().stream().map(KeyJson::of).toList();
            return AdminReply.json(keys);
        }
    }

    record KeyStatus(KmsKeyRing ring) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String id = call.param("key-id");
            if (!ring.exists(id)) {
                throw new AdminException(AdminError.XMinioKMSKeyNotFound, "KMS key '" + id + "' does not exist.");
            }
            return AdminReply.json(new StatusJson(id, "", ""));
        }
    }
}
