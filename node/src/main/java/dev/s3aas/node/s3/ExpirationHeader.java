package dev.s3aas.node.s3;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.nio.charset.StandardCharsets;

/**
 * {@code x-amz-expiration: expiry-date="Fri, 23 Dec 2012 00:00:00 GMT", rule-id="picture-deletion-rule"} on
 * responses that return a current version (PutObject, GetObject, HeadObject, CopyObject,
 * CompleteMultipartUpload): when that version will expire under the bucket's lifecycle rules, and which rule
 * decides it (the earliest, if several match).
 */
final class ExpirationHeader {
    static final String NAME = "x-amz-expiration";

    private ExpirationHeader() {}

    /** Nothing for a request naming a version id: only the current version has an expiration. */
    static void set(S3Exchange ex, ObjectStore store, ObjectInfo info) {
        if (info.deleteMarker() || ex.query().has("versionId")) {
            return;
        }
        LifecycleConfiguration config;
        try {
            config = store.bucket(info.bucket()).config().lifecycle();
        } catch (StorageException e) {
            return; // the bucket went away after the object was read: there is no rule left to report
        }
        if (config == null) {
            return;
        }
        config.currentVersionExpiry(info.key(), info.size(), info.metadata().tags(), info.lastModified())
                .ifPresent(e -> ex.setHeader(NAME, "expiry-date=\"" + HttpDates.format(e.date()) + "\", rule-id=\""
                        + quotable(e.ruleId()) + "\""));
    }

    /**
     * A rule id as a quoted-string an HTTP header can carry: printable ASCII stays, anything else (quotes,
     * backslashes, control and non-ASCII characters) is percent-encoded as UTF-8.
     */
    static String quotable(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
