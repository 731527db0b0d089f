package dev.s3aas.common.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON text to {@link PolicyDocument}: the document grammar (IAM JSON policy element reference and
 * "Grammar of the IAM JSON policy language") plus the {@link PolicyValidation} rules. Statement elements
 * live in {@link StatementParser}. Every error names the element at fault, e.g. {@code Statement[2].Effect}.
 */
final class PolicyParser {

    static final String VERSION_2012 = "2012-10-17";
    static final String VERSION_2008 = "2008-10-17";

    /**
     * AWS limits bucket policies to 20 KB and managed identity policies to 6,144 characters; one limit,
     * the larger, applies here to both kinds.
     */
    static final int MAX_BYTES = PolicyDocument.MAX_SIZE_BYTES;

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Version", "Id", "Statement");

    // Duplicate keys make a document mean different things to different readers, and text after the
    // document is a sign of a truncated or concatenated upload: reject both.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PolicyParser() {
    }

    static PolicyDocument parse(String json, PolicyValidation validation) throws MalformedPolicyException {
        JsonNode root = readTree(json);
        checkFields(root, TOP_LEVEL_FIELDS, "unknown top-level field");
        String version = version(root.get("Version"));
        String id = optionalString(root.get("Id"), "Id");
        StatementParser statementParser = new StatementParser(validation, version.equals(VERSION_2012));
        List<Statement> statements = new ArrayList<>();
        JsonNode element = root.get("Statement");
        if (element == null) {
            throw new MalformedPolicyException("Statement is missing");
        } else if (element.isObject()) {
            statements.add(statementParser.parse(element, "Statement"));
        } else if (element.isArray()) {
            if (element.isEmpty()) {
                throw new MalformedPolicyException("Statement must not be empty");
            }
            for (int i = 0; i < element.size(); i++) {
                String path = "Statement[" + i + "]";
                if (!element.get(i).isObject()) {
                    throw new MalformedPolicyException(path + " must be an object");
                }
                statements.add(statementParser.parse(element.get(i), path));
            }
        } else {
            throw new MalformedPolicyException("Statement must be an object or a list of objects");
        }
        checkUniqueSids(statements);
        return new PolicyDocument(json, version, id, statements);
    }

    private static JsonNode readTree(String json) throws MalformedPolicyException {
        if (json.length() > MAX_BYTES || json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new MalformedPolicyException("policy document is larger than the limit of " + MAX_BYTES
                    + " bytes (20 KiB)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyException(jsonError(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedPolicyException("policy document is empty");
        }
        if (!root.isObject()) {
            throw new MalformedPolicyException("policy document must be a JSON object");
        }
        return root;
    }

    private static String jsonError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String why = e.getOriginalMessage();
        if (why != null && why.startsWith("Trailing token")) {
            why = "unexpected text after the end of the document";
        } else if (why != null && why.startsWith("Duplicate field")) {
            why = "duplicate key " + why.substring("Duplicate field ".length()).replace('\'', '"');
        }
        return "invalid JSON" + where + ": " + why;
    }

    private static String version(JsonNode node) throws MalformedPolicyException {
        if (node == null) {
            // "If you do not include a Version element, the value defaults to 2008-10-17" (IAM JSON policy
            // elements: Version); such documents cannot use policy variables.
            return VERSION_2008;
        }
        if (node.isTextual() && (node.textValue().equals(VERSION_2012) || node.textValue().equals(VERSION_2008))) {
            return node.textValue();
        }
        throw new MalformedPolicyException("Version must be \"2012-10-17\" or \"2008-10-17\", not " + node);
    }

    private static void checkUniqueSids(List<Statement> statements) throws MalformedPolicyException {
        Set<String> seen = new HashSet<>();
        for (Statement s : statements) {
            if (s.sid() != null && !s.sid().isEmpty() && !seen.add(s.sid())) {
                throw new MalformedPolicyException("duplicate Sid \"" + s.sid() + "\": Sids must be unique");
            }
        }
    }

    /** Rejects any field of {@code node} not in {@code allowed}, e.g. a misspelt {@code "Statment"}. */
    static void checkFields(JsonNode node, Set<String> allowed, String what) throws MalformedPolicyException {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new MalformedPolicyException(what + " \"" + name + "\"");
            }
        }
    }

    static String optionalString(JsonNode node, String path) throws MalformedPolicyException {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedPolicyException(path + " must be a string");
        }
        return node.textValue();
    }

    /** A string or a non-empty list of non-empty strings, as Action, Resource and principal entries are. */
    static List<String> stringList(JsonNode node, String path) throws MalformedPolicyException {
        if (node.isTextual()) {
            if (node.textValue().isEmpty()) {
                throw new MalformedPolicyException(path + " must not be empty");
            }
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new MalformedPolicyException(path + " must be a string or a list of strings");
        }
        if (node.isEmpty()) {
            throw new MalformedPolicyException(path + " must not be an empty list");
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.textValue().isEmpty()) {
                throw new MalformedPolicyException(path + "[" + i + "] must be a non-empty string");
            }
            out.add(item.textValue());
        }
        return out;
    }
}
