package dev.s3aas.controlplane.node;

/** What a node call can fail with; the reconciler records the message as the status reason. */
public abstract sealed class NodeException extends Exception {
    private NodeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The node did not answer (connection refused, timeout). */
    public static final class Unreachable extends NodeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The node answered with an error (S3 error code or admin API error text). */
    public static final class Rejected extends NodeException {
        private final String code;
        private final int status;

        public Rejected(String code, String message, Throwable cause) {
            this(code, message, cause, 0);
        }

        /** @param status the HTTP status of the answer, or 0 when not known */
        public Rejected(String code, String message, Throwable cause, int status) {
            super(code + ": " + message, cause);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        /** The HTTP status of the node's answer, or 0 when not known. */
        public int status() {
            return status;
        }
    }

    /** DeleteBucket refused because objects remain (S3 BucketNotEmpty). */
    public static final class BucketNotEmpty extends NodeException {
        public BucketNotEmpty(String bucket) {
            super("bucket " + bucket + " is not empty", null);
        }
    }
}
