package dev.s3aas.node.storage;

/**
 * The source of CopyObject / UploadPartCopy (a version id, or null for the current version) and the preconditions ({@code x-amz-copy-source-if-*}) to check
 * on the exact version that gets copied: evaluated by storage after the source is opened (pinned), so a
 * concurrent overwrite cannot slip between the check and the copy.
 */
public record CopySource(String bucket, String key, String versionId, Check check) {
    public CopySource {
        if (check == null) {
            check = source -> { };
        }
    }

    @FunctionalInterface
    public interface Check {
        void verify(ObjectInfo source) throws StorageException;
    }
}
