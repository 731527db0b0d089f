package dev.s3aas.node.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bucket's lifecycle configuration (S3 PutBucketLifecycleConfiguration, "Lifecycle configuration elements"):
 * 1 to 1,000 rules with unique ids, each a filter and the actions the node's lifecycle worker carries out.
 * There are no transitions: a node has one storage class (STANDARD), so a configuration asking for one is
 * refused when it is put, never stored and ignored.
 *
 * <p>Constructors refuse what S3 refuses, with S3's wording, as {@link IllegalArgumentException}; the protocol
 * layer answers those {@code InvalidArgument}.
 */
public record LifecycleConfiguration(List<Rule> rules) {
    public static final int MAX_RULES = 1000;
    public static final int MAX_ID_LENGTH = 255;
    /** S3 keeps at most 100 newer noncurrent versions (NoncurrentVersionExpiration.NewerNoncurrentVersions). */
    public static final int MAX_NEWER_NONCURRENT_VERSIONS = 100;

    public LifecycleConfiguration {
        rules = List.copyOf(rules);
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("A lifecycle configuration has 1 to " + MAX_RULES + " rules");
        }
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("Rule ID must be unique. Found same ID for more than one rule");
            }
        }
    }

    public enum Status { ENABLED, DISABLED }

    /**
     * One rule. At least one action is set.
     *
     * @param legacyPrefix the rule named its objects with the deprecated rule-level {@code <Prefix>} rather than a
     *                     {@code <Filter>}; kept only to answer GET in the form it was put
     * @param abortIncompleteMultipartUploadDays AbortIncompleteMultipartUpload's DaysAfterInitiation, or null
     */
    public record Rule(String id, Status status, LifecycleFilter filter, boolean legacyPrefix, Expiration expiration,
                       NoncurrentExpiration noncurrentExpiration, Integer abortIncompleteMultipartUploadDays) {
        public Rule {
            if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                throw new IllegalArgumentException("ID length should not exceed allowed limit of " + MAX_ID_LENGTH);
            }
            if (status == null || filter == null) {
                throw new IllegalArgumentException("A rule needs a Status and a Filter");
            }
            if (expiration == null && noncurrentExpiration == null && abortIncompleteMultipartUploadDays == null) {
                throw new IllegalArgumentException("At least one action needs to be specified in a rule");
            }
            if (abortIncompleteMultipartUploadDays != null && abortIncompleteMultipartUploadDays <= 0) {
                throw new IllegalArgumentException("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action "
                        + "must be a positive integer");
            }
        }

        public boolean enabled() {
            return status == Status.ENABLED;
        }
    }

    /**
     * The Expiration action: exactly one of {@code days} (after creation), {@code dateMillis} (a midnight UTC, in
     * epoch milliseconds: current versions expire from that day on) or {@code expiredObjectDeleteMarker} (remove a
     * delete marker once it is a key's only version).
     */
    public record Expiration(Integer days, Long dateMillis, Boolean expiredObjectDeleteMarker) {
        public Expiration {
            int given = (days != null ? 1 : 0) + (dateMillis != null ? 1 : 0) + (expiredObjectDeleteMarker != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("ExpiredObjectDeleteMarker cannot be specified with Days or Date in "
                        + "a Lifecycle Expiration Policy, and exactly one of Days, Date and ExpiredObjectDeleteMarker "
                        + "is required");
            }
            if (days != null && days <= 0) {
                throw new IllegalArgumentException("'Days' for Expiration action must be a positive integer");
            }
            if (dateMillis != null && dateMillis % Duration.ofDays(1).toMillis() != 0) {
                throw new IllegalArgumentException("'Date' must be at midnight GMT");
            }
        }

        public static Expiration ofDays(int days) {
            return new Expiration(days, null, null);
        }

        public static Expiration onDate(Instant midnight) {
            return new Expiration(null, midnight.toEpochMilli(), null);
        }

        public static Expiration expiredObjectDeleteMarker(boolean on) {
            return new Expiration(null, null, on);
        }

        /** Whether this expires current versions (Days or Date), as opposed to cleaning up delete markers. */
        public boolean expiresCurrentVersions() {
            return days != null || dateMillis != null;
        }

        /** When a current version created at {@code created} expires; null for the delete-marker flag. */
        public Instant dueFor(Instant created) {
            if (days != null) {
                return dueAfter(created, days);
            }
            return dateMillis == null ? null : Instant.ofEpochMilli(dateMillis);
        }
    }

    /**
     * NoncurrentVersionExpiration: a noncurrent version is removed {@code noncurrentDays} after it became
     * noncurrent, unless it is among the {@code newerNoncurrentVersions} newest noncurrent versions of its key.
     */
    public record NoncurrentExpiration(int noncurrentDays, Integer newerNoncurrentVersions) {
        public NoncurrentExpiration {
            if (noncurrentDays <= 0) {
                throw new IllegalArgumentException("'NoncurrentDays' for NoncurrentVersionExpiration action must be a "
                        + "positive integer");
            }
            if (newerNoncurrentVersions != null
                    && (newerNoncurrentVersions <= 0 || newerNoncurrentVersions > MAX_NEWER_NONCURRENT_VERSIONS)) {
                throw new IllegalArgumentException("'NewerNoncurrentVersions' for NoncurrentVersionExpiration action "
                        + "must be a positive integer up to " + MAX_NEWER_NONCURRENT_VERSIONS);
            }
        }

        /** How many newer noncurrent versions must exist before a version may go (0 when not set). */
        public int keep() {
            return newerNoncurrentVersions == null ? 0 : newerNoncurrentVersions;
        }
    }

    /** The date a current version expires on and the rule that decides it (the {@code x-amz-expiration} header). */
    public record Expiry(Instant date, String ruleId) {}

    /**
     * When the current version of {@code key} (created at {@code created}, of {@code size} bytes, with
     * {@code tags}) expires: the earliest date any enabled Days or Date rule matching it gives, or empty.
     */
    public Optional<Expiry> currentVersionExpiry(String key, long size, Map<String, String> tags, Instant created) {
        Expiry earliest = null;
        for (Rule r : rules) {
            if (!r.enabled() || r.expiration() == null || !r.expiration().expiresCurrentVersions()
                    || !r.filter().matches(key, size, tags)) {
                continue;
            }
            Instant due = r.expiration().dueFor(created);
            if (earliest == null || due.isBefore(earliest.date())) {
                earliest = new Expiry(due, r.id());
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Whether any enabled rule carries an action of the kind {@code kind} selects. */
    public boolean anyEnabled(java.util.function.Predicate<Rule> kind) {
        for (Rule r : rules) {
            if (r.enabled() && kind.test(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * S3 counts lifecycle days from a moment (creation, becoming noncurrent, initiation) by adding them and
     * rounding up to the next midnight UTC ("Lifecycle configuration elements": an object created 1/15 10:30 UTC
     * with 3 days expires 1/19 00:00 UTC). Like MinIO, a sum that lands exactly on midnight also moves to the next.
     */
    public static Instant dueAfter(Instant from, int days) {
        return from.plus(Duration.ofDays(days + 1L)).truncatedTo(ChronoUnit.DAYS);
    }
}
