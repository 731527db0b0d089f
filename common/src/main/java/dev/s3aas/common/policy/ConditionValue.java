package dev.s3aas.common.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * One value of a condition, parsed for its operator when the policy is parsed, so that a malformed value
 * (a non-numeric {@code NumericLessThan}, a bad CIDR, a bad date) is a parse error and evaluation never has
 * to parse policy text again.
 */
sealed interface ConditionValue {

    /** A string, ARN or boolean value; may contain policy variables. */
    record Text(Template template) implements ConditionValue {
    }

    record Number(BigDecimal value) implements ConditionValue {
    }

    record Date(Instant value) implements ConditionValue {
    }

    record Ip(IpRange range) implements ConditionValue {
    }

    record Binary(byte[] value) implements ConditionValue {
        public Binary {
            value = value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }

    /** {@code Null: {"key": "true"}} holds when the key is absent, {@code "false"} when it is present. */
    record NullCheck(boolean expectAbsent) implements ConditionValue {
    }

    static ConditionValue parse(ConditionOperator op, String raw, boolean variables)
            throws MalformedPolicyException {
        return switch (op.test) {
            case EQUALS, EQUALS_IGNORE_CASE, LIKE -> new Text(Template.parse(raw, variables));
            case BOOL -> {
                if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false") && !raw.contains("${")) {
                    throw new MalformedPolicyException("invalid Bool value \"" + raw + "\": must be true or false");
                }
                yield new Text(Template.parse(raw, variables));
            }
            case ARN -> {
                if (!raw.equals("*") && !raw.contains("${") && raw.chars().filter(c -> c == ':').count() < 5) {
                    throw new MalformedPolicyException("invalid ARN value \"" + raw
                            + "\": expected arn:partition:service:region:account:resource");
                }
                yield new Text(Template.parse(raw, variables));
            }
            case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE -> {
                BigDecimal n = parseNumber(raw);
                if (n == null) {
                    throw new MalformedPolicyException("invalid number \"" + raw + "\" for " + op.jsonName);
                }
                yield new Number(n);
            }
            case DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE -> {
                Instant d = parseDate(raw);
                if (d == null) {
                    throw new MalformedPolicyException("invalid date \"" + raw + "\" for " + op.jsonName
                            + ": expected ISO 8601 (2024-01-31T12:00:00Z) or epoch seconds");
                }
                yield new Date(d);
            }
            case IP -> new Ip(IpRange.parse(raw));
            case BINARY -> {
                try {
                    yield new Binary(Base64.getDecoder().decode(raw));
                } catch (IllegalArgumentException e) {
                    throw new MalformedPolicyException("invalid base64 value \"" + raw + "\" for BinaryEquals");
                }
            }
            case NULL -> switch (raw.toLowerCase(Locale.ROOT)) {
                case "true" -> new NullCheck(true);
                case "false" -> new NullCheck(false);
                default -> throw new MalformedPolicyException("invalid Null value \"" + raw
                        + "\": must be true or false");
            };
        };
    }

    /** A decimal number, or null. Used for policy values and for request values at evaluation time. */
    static BigDecimal parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An ISO 8601 date-time (with offset, or UTC when it has none), an ISO date (midnight UTC) or epoch
     * seconds, the forms the date condition operators accept; null otherwise.
     */
    static Instant parseDate(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return t.length() > 18 ? null : Instant.ofEpochSecond(Long.parseLong(t));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // not this form; try the next one
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // not this form either
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
