package dev.s3aas.node.s3;

import dev.s3aas.node.storage.StorageException;
import java.io.IOException;

/** One S3 operation. Implementations answer through the exchange or throw; errors are mapped in one place. */
@FunctionalInterface
interface Operation {
    void handle(S3Exchange exchange) throws S3Exception, StorageException, IOException;
}
