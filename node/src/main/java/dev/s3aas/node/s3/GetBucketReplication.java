package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;

/**
 * GET /bucket?replication — GetBucketReplication: 404 ReplicationConfigurationNotFoundError, what S3 answers for a
 * bucket without replication. A node never replicates (scale comes from the Ceph engine); putting a configuration
 * is refused.
 */
record GetBucketReplication(ObjectStore store) implements Operation {
    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException {
        store.bucket(ex.bucket());
        throw new S3Exception(S3ErrorCode.ReplicationConfigurationNotFoundError);
    }
}
