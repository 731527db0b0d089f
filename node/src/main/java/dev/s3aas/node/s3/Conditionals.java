package dev.s3aas.node.s3;

import dev.s3aas.node.storage.ObjectInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * GetObject/HeadObject preconditions, evaluated in the order of RFC 9110 §13.2.2, which is also S3's:
 * If-Match, else If-Unmodified-Since (412); then If-None-Match, else If-Modified-Since (304). Hence S3's
 * documented combinations: If-Match true + If-Unmodified-Since false → 200; If-None-Match false +
 * If-Modified-Since true → 304. Dates compare at one-second precision, the precision of HTTP dates.
 */
final class Conditionals {
    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Conditionals() {}

    static Outcome evaluate(S3Exchange ex, ObjectInfo info) {
        return evaluate(ex.header("If-Match"), ex.header("If-Unmodified-Since"), ex.header("If-None-Match"),
                ex.header("If-Modified-Since"), info);
    }

    static Outcome evaluate(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince,
                            ObjectInfo info) {
        Instant modified = info.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!etagListMatches(ifMatch, info.etag())) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (ifUnmodifiedSince != null) {
            Instant t = HttpDates.parse(ifUnmodifiedSince);
            if (t != null && modified.isAfter(t)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        if (ifNoneMatch != null) {
            if (etagListMatches(ifNoneMatch, info.etag())) {
                return Outcome.NOT_MODIFIED;
            }
        } else if (ifModifiedSince != null) {
            Instant t = HttpDates.parse(ifModifiedSince);
            if (t != null && !modified.isAfter(t)) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /** Whether a comma-separated list of entity tags (or "*") contains {@code etag}. */
    static boolean etagListMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || ObjectHeaders.unquote(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
