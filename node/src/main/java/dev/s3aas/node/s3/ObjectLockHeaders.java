package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectLock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The Object Lock request headers of PutObject / CreateMultipartUpload / CopyObject
 * ({@code x-amz-object-lock-mode}, {@code -retain-until-date}, {@code -legal-hold}) and the matching response
 * headers of GetObject / HeadObject.
 */
final class ObjectLockHeaders {
    private ObjectLockHeaders() {}

    /** The lock the request asks for, or null if it asks for none. */
    static ObjectLock fromRequest(S3Exchange ex) throws S3Exception {
        String mode = ex.header("x-amz-object-lock-mode");
        String until = ex.header("x-amz-object-lock-retain-until-date");
        String hold = ex.header("x-amz-object-lock-legal-hold");
        if (mode == null && until == null && hold == null) {
            return null;
        }
        if ((mode == null) != (until == null)) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "x-amz-object-lock-retain-until-date and "
                    + "x-amz-object-lock-mode must both be supplied");
        }
        long untilMillis = 0;
        if (mode != null) {
            if (!mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "Unknown wormMode directive.");
            }
            untilMillis = futureDate(until);
        }
        if (hold != null && !hold.equals("ON") && !hold.equals("OFF")) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "Legal Hold must be either of 'ON' or 'OFF'");
        }
        return new ObjectLock(mode, untilMillis, "ON".equals(hold));
    }

    /** Parses an ISO-8601 retain-until date, which must lie in the future. */
    static long futureDate(String value) throws S3Exception {
        try {
            long t = Instant.parse(value.trim()).toEpochMilli();
            if (t <= System.currentTimeMillis()) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "The retain until date must be in the future!");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "The retain until date is not a valid ISO-8601 date");
        }
    }

    static void toResponse(S3Exchange ex, ObjectLock lock) {
        if (lock == null) {
            return;
        }
        if (lock.mode() != null) {
            ex.setHeader("x-amz-object-lock-mode", lock.mode());
            ex.setHeader("x-amz-object-lock-retain-until-date", Xml.isoTime(Instant.ofEpochMilli(lock.retainUntilMillis())));
        }
        ex.setHeader("x-amz-object-lock-legal-hold", lock.legalHold() ? "ON" : "OFF");
    }
}
