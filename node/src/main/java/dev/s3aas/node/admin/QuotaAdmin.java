package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.node.storage.BucketInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/**
 * set-bucket-quota / get-bucket-quota ({@code madmin.BucketQuota}). Only hard quotas exist: a write that
 * would exceed one is refused atomically by the storage engine. Quota 0 means none.
 */
final class QuotaAdmin {
    private QuotaAdmin() {}

    /** {@code quota} is the historical field; newer madmin also sends {@code size}. */
    record QuotaJson(@JsonProperty("quota") Long quota, @JsonProperty("size") Long size,
                     @JsonProperty("quotatype") String type) {}

    /** PUT set-bucket-quota?bucket=… — body {"quota": bytes, "quotatype": "hard"}; 0 clears it. */
    record SetBucketQuota(ObjectStore store) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String bucket = call.param("bucket");
            QuotaJson q = AdminJson.read(call.rawBody(), QuotaJson.class);
            long bytes = q.size() != null && q.size() > 0 ? q.size() : q.quota() == null ? 0 : q.quota();
            if (bytes < 0) {
                throw new AdminException(AdminError.XMinioAdminBucketQuotaExceeded, "The quota must not be negative.");
            }
            if (bytes > 0 && q.type() != null && !q.type().isEmpty() && !q.type().equalsIgnoreCase("hard")) {
                throw new AdminException(AdminError.NotImplemented,
                        "Only hard quotas are supported, not '" + q.type() + "'.");
            }
            try {
                store.updateBucketConfig(bucket, c -> c.withQuota(bytes));
            } catch (StorageException e) {
                throw noSuchBucket(bucket);
            }
            return AdminReply.ok();
        }
    }

    /**
     * GET get-bucket-quota?bucket=… — a bucket without a quota answers {"quota":0} (MinIO answers an error
     * there; zero keeps its Java client's getBucketQuota working after clearBucketQuota).
     */
    record GetBucketQuota(ObjectStore store) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String bucket = call.param("bucket");
            BucketInfo b;
            try {
                b = store.bucket(bucket);
            } catch (StorageException e) {
                throw noSuchBucket(bucket);
            }
            long quota = b.config().quotaBytes();
            return AdminReply.json(new QuotaJson(quota, quota, quota > 0 ? "hard" : null));
        }
    }

    private static AdminException noSuchBucket(String bucket) {
        return new AdminException(AdminError.NoSuchBucket, "The specified bucket does not exist: " + bucket);
    }
}
