package dev.s3aas.common.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a Condition element: {@code {"Operator": {"key": value-or-list, ...}, ...}} (IAM JSON policy
 * elements: Condition). Operators and their values are checked here, so a policy with an unknown
 * operator or a value its operator cannot use is rejected when it is submitted, not when it is evaluated.
 */
final class ConditionParser {

    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    private final boolean variables;

    ConditionParser(boolean variables) {
        this.variables = variables;
    }

    List<Condition> parse(JsonNode node, String path) throws MalformedPolicyException {
        if (!node.isObject()) {
            throw new MalformedPolicyException(path + " must be an object of condition operators");
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : node.properties()) {
            String opPath = path + "." + op.getKey();
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw new MalformedPolicyException(opPath + " must be an object of condition keys and values");
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                out.add(condition(op.getKey(), key.getKey(), key.getValue(), path));
            }
        }
        return out;
    }

    private Condition condition(String operatorName, String key, JsonNode valuesNode, String path)
            throws MalformedPolicyException {
        Condition.Qualifier qualifier = Condition.Qualifier.NONE;
        String name = operatorName;
        if (name.startsWith(FOR_ANY_VALUE)) {
            qualifier = Condition.Qualifier.FOR_ANY_VALUE;
            name = name.substring(FOR_ANY_VALUE.length());
        } else if (name.startsWith(FOR_ALL_VALUES)) {
            qualifier = Condition.Qualifier.FOR_ALL_VALUES;
            name = name.substring(FOR_ALL_VALUES.length());
        }
        boolean ifExists = name.endsWith(IF_EXISTS) && ConditionOperator.byName(name) == null;
        if (ifExists) {
            name = name.substring(0, name.length() - IF_EXISTS.length());
        }
        ConditionOperator operator = ConditionOperator.byName(name);
        if (operator == null) {
            throw new MalformedPolicyException(path + ": unknown condition operator \"" + operatorName + "\"");
        }
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != Condition.Qualifier.NONE)) {
            throw new MalformedPolicyException(path + ": unknown condition operator \"" + operatorName
                    + "\" (Null takes neither IfExists nor a set qualifier)");
        }
        String keyPath = path + "." + operatorName + "[\"" + key + "\"]";
        if (key.indexOf(':') <= 0 || key.endsWith(":") || key.chars().anyMatch(Character::isWhitespace)) {
            throw new MalformedPolicyException(path + "." + operatorName + ": invalid condition key \"" + key
                    + "\"; expected a key such as aws:SourceIp or s3:prefix");
        }
        List<String> raw = scalars(valuesNode, keyPath);
        List<ConditionValue> values = new ArrayList<>(raw.size());
        for (String r : raw) {
            try {
                values.add(ConditionValue.parse(operator, r, variables && operator.allowsVariables()));
            } catch (MalformedPolicyException e) {
                throw new MalformedPolicyException(keyPath + ": " + e.getMessage());
            }
        }
        return new Condition(operatorName, operator, qualifier, ifExists, key,
                ConditionContext.normalizeKey(key), raw, values);
    }

    /**
     * A condition value: a string, number or boolean, or a non-empty list of them. IAM compares every value
     * as text, so numbers and booleans are kept in their JSON spelling.
     */
    private static List<String> scalars(JsonNode node, String path) throws MalformedPolicyException {
        if (node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new MalformedPolicyException(path + " must be a string, number or boolean, or a non-empty"
                    + " list of them");
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new MalformedPolicyException(path + "[" + i + "] must be a string, number or boolean");
            }
            out.add(item.asText());
        }
        return out;
    }
}
