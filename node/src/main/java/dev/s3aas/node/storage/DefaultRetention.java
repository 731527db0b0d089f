package dev.s3aas.node.storage;

/**
 * A bucket's default Object Lock retention, applied to new versions written without explicit retention
 * (S3 PutObjectLockConfiguration: exactly one of Days and Years).
 */
public record DefaultRetention(String mode, int days, int years) {
    public DefaultRetention {
        if (!"GOVERNANCE".equals(mode) && !"COMPLIANCE".equals(mode)) {
            throw new IllegalArgumentException("mode must be GOVERNANCE or COMPLIANCE");
        }
        if ((days > 0) == (years > 0) || days < 0 || years < 0) {
            throw new IllegalArgumentException("exactly one of days and years must be positive");
        }
    }

    long retainUntil(long fromMillis) {
        return days > 0 ? fromMillis + days * 86_400_000L
                : java.time.Instant.ofEpochMilli(fromMillis).atZone(java.time.ZoneOffset.UTC).plusYears(years)
                        .toInstant().toEpochMilli();
    }
}
