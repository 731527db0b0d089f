package dev.s3aas.node.storage;

/** Evaluates conditional-write preconditions against the current version, inside the commit. */
final class Preconditions {
    private Preconditions() {}

    static void checkWrite(WriteCondition condition, ObjectRecord current) throws StorageException {
        boolean exists = current != null && !current.deleteMarker();
        switch (condition) {
            case WriteCondition.Unconditional u -> { }
            case WriteCondition.IfAbsent a -> {
                if (exists) {
                    throw failed();
                }
            }
            case WriteCondition.IfMatch m -> {
                if (!exists) {
                    // S3 answers 404 NoSuchKey when If-Match names an object that does not exist.
                    throw new StorageException(StorageError.NO_SUCH_KEY, "The specified key does not exist.");
                }
                if (!matches(m.etags(), current.etag())) {
                    throw failed();
                }
            }
        }
    }

    static boolean matches(java.util.List<String> etags, String etag) {
        for (String e : etags) {
            if (e.equals("*") || e.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static StorageException failed() {
        return new StorageException(StorageError.PRECONDITION_FAILED,
                "At least one of the pre-conditions you specified did not hold");
    }
}
