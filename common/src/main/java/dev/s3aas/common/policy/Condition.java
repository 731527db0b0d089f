package dev.s3aas.common.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One condition: an operator applied to one key, e.g. {@code "StringLike": {"s3:prefix": ["home/*"]}}.
 * A Condition block with several operators, or an operator with several keys, is the AND of its
 * conditions; the several values of one condition are ORed (IAM JSON policy elements: Condition,
 * "Condition block").
 *
 * <p>Evaluation rules, following "Condition operators" and "Set operators for multivalued context keys":
 * <ol>
 *   <li>A value matches when it matches at least one policy value; a negated operator ({@code StringNotEquals},
 *       {@code NotIpAddress}, …) matches when the value matches <em>none</em> of them.</li>
 *   <li>Key absent from the request (or with no value): {@code Null} tests exactly that; {@code …IfExists}
 *       is true; {@code ForAnyValue:} is false; {@code ForAllValues:} is true (vacuously); otherwise a
 *       positive operator is false and a negated one is <em>true</em> ("If the policy condition requires
 *       that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not
 *       present, the condition is true").</li>
 *   <li>Key present: {@code ForAnyValue:} needs one request value to match, {@code ForAllValues:} needs every
 *       request value to match. Without a qualifier, a positive operator needs one request value to match
 *       and a negated operator needs every request value to match (none equals a policy value); for the
 *       usual single-valued key both read the same.</li>
 *   <li>A policy variable in a value that cannot be resolved makes the condition false, whatever the
 *       operator, so that the statement does not apply.</li>
 * </ol>
 */
record Condition(String operatorName, ConditionOperator operator, Qualifier qualifier, boolean ifExists,
                 String key, String normalizedKey, List<String> rawValues, List<ConditionValue> values) {

    /** The set qualifier in front of the operator name. */
    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private static final int NO = 0;
    private static final int YES = 1;
    private static final int UNRESOLVED = -1;

    Condition {
        rawValues = List.copyOf(rawValues);
        values = List.copyOf(values);
    }

    boolean evaluate(AccessRequest request) {
        List<String> actual = request.values(normalizedKey);
        if (operator == ConditionOperator.NULL) {
            return evaluateNull(actual.isEmpty());
        }
        if (actual.isEmpty()) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ANY_VALUE -> false;
                case FOR_ALL_VALUES -> true;
                case NONE -> operator.negated;
            };
        }
        boolean needAll = switch (qualifier) {
            case FOR_ANY_VALUE -> false;
            case FOR_ALL_VALUES -> true;
            case NONE -> operator.negated;
        };
        for (int i = 0; i < actual.size(); i++) {
            int m = matchesAny(actual.get(i), request);
            if (m == UNRESOLVED) {
                return false;
            }
            boolean holds = operator.negated ? m == NO : m == YES;
            if (needAll && !holds) {
                return false;
            }
            if (!needAll && holds) {
                return true;
            }
        }
        return needAll;
    }

    private boolean evaluateNull(boolean absent) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof ConditionValue.NullCheck n && n.expectAbsent() == absent) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code actual} matches at least one policy value (before negation). Each value is judged on its
     * own: a value whose variable cannot be resolved does not hide a later one that matches, so the result
     * does not depend on the order of the values.
     */
    private int matchesAny(String actual, AccessRequest request) {
        boolean unresolved = false;
        for (int i = 0; i < values.size(); i++) {
            int m = matches(actual, values.get(i), request);
            if (m == YES) {
                return YES;
            }
            unresolved |= m == UNRESOLVED;
        }
        return unresolved ? UNRESOLVED : NO;
    }

    private int matches(String actual, ConditionValue expected, AccessRequest request) {
        return switch (expected) {
            case ConditionValue.Text t -> matchesText(actual, t.template(), request);
            case ConditionValue.Number n -> compareNumber(actual, n.value());
            case ConditionValue.Date d -> compareDate(actual, d.value());
            case ConditionValue.Ip ip -> {
                byte[] address = IpRange.parseAddress(actual.trim());
                yield address != null && ip.range().contains(address) ? YES : NO;
            }
            case ConditionValue.Binary b -> {
                try {
                    yield Arrays.equals(Base64.getDecoder().decode(actual), b.value()) ? YES : NO;
                } catch (IllegalArgumentException e) {
                    yield NO;
                }
            }
            case ConditionValue.NullCheck n -> NO;
        };
    }

    private int matchesText(String actual, Template template, AccessRequest request) {
        return switch (operator.test) {
            case LIKE -> {
                int[] glob = template.resolveGlob(request);
                yield glob == null ? UNRESOLVED : yes(Glob.matches(glob, actual, false));
            }
            case ARN -> {
                int[] glob = template.resolveGlob(request);
                yield glob == null ? UNRESOLVED : yes(Glob.matchesArn(glob, actual));
            }
            case EQUALS, BOOL, EQUALS_IGNORE_CASE -> {
                String s = template.resolveString(request);
                if (s == null) {
                    yield UNRESOLVED;
                }
                yield yes(operator.test == ConditionOperator.Test.EQUALS ? actual.equals(s)
                        : actual.equalsIgnoreCase(s));
            }
            case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
                 DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BINARY, IP, NULL -> NO;
        };
    }

    private int compareNumber(String actual, BigDecimal expected) {
        BigDecimal a = ConditionValue.parseNumber(actual);
        return a == null ? NO : yes(ordered(a.compareTo(expected)));
    }

    private int compareDate(String actual, Instant expected) {
        Instant a = ConditionValue.parseDate(actual);
        return a == null ? NO : yes(ordered(a.compareTo(expected)));
    }

    /** Applies the operator's ordering to {@code cmp = request value compared with policy value}. */
    private boolean ordered(int cmp) {
        return switch (operator.test) {
            case NUMERIC_EQ, DATE_EQ -> cmp == 0;
            case NUMERIC_LT, DATE_LT -> cmp < 0;
            case NUMERIC_LE, DATE_LE -> cmp <= 0;
            case NUMERIC_GT, DATE_GT -> cmp > 0;
            case NUMERIC_GE, DATE_GE -> cmp >= 0;
            case EQUALS, EQUALS_IGNORE_CASE, LIKE, BOOL, BINARY, IP, ARN, NULL -> false;
        };
    }

    private static int yes(boolean b) {
        return b ? YES : NO;
    }
}
