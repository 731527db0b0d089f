package dev.s3aas.common.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The base condition operators (IAM JSON policy elements: Condition operators). The {@code IfExists}
 * suffix and the {@code ForAnyValue:} / {@code ForAllValues:} qualifiers are parsed separately (see
 * {@link Condition}). Operator names are case-sensitive, as in IAM.
 *
 * <p>A negated operator ({@code StringNotEquals}, {@code NotIpAddress}, …) is the positive test inverted:
 * it holds when the request value matches none of the policy values.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", Test.EQUALS, false),
    STRING_NOT_EQUALS("StringNotEquals", Test.EQUALS, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Test.EQUALS_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Test.EQUALS_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Test.LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Test.LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Test.NUMERIC_EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Test.NUMERIC_EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Test.NUMERIC_LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Test.NUMERIC_LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Test.NUMERIC_GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Test.NUMERIC_GE, false),
    DATE_EQUALS("DateEquals", Test.DATE_EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Test.DATE_EQ, true),
    DATE_LESS_THAN("DateLessThan", Test.DATE_LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Test.DATE_LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Test.DATE_GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Test.DATE_GE, false),
    BOOL("Bool", Test.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Test.BINARY, false),
    IP_ADDRESS("IpAddress", Test.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Test.IP, true),
    // ArnEquals and ArnLike behave the same in IAM: both match each of the six ARN parts with wildcards.
    ARN_EQUALS("ArnEquals", Test.ARN, false),
    ARN_LIKE("ArnLike", Test.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Test.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Test.ARN, true),
    NULL("Null", Test.NULL, false);

    /** How one request value is compared with one policy value. */
    enum Test {
        EQUALS, EQUALS_IGNORE_CASE, LIKE,
        NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
        DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE,
        BOOL, BINARY, IP, ARN, NULL
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator op : values()) {
            BY_NAME.put(op.jsonName, op);
        }
    }

    final String jsonName;
    final Test test;
    final boolean negated;

    ConditionOperator(String jsonName, Test test, boolean negated) {
        this.jsonName = jsonName;
        this.test = test;
        this.negated = negated;
    }

    /** The operator called {@code name} exactly, or null. */
    static ConditionOperator byName(String name) {
        return BY_NAME.get(name);
    }

    /** Whether policy variables may appear in this operator's values (per the operator tables in the docs). */
    boolean allowsVariables() {
        return switch (test) {
            case EQUALS, EQUALS_IGNORE_CASE, LIKE, BOOL, ARN -> true;
            case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
                 DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BINARY, IP, NULL -> false;
        };
    }
}
