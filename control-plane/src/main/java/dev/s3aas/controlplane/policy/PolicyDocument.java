package dev.s3aas.controlplane.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.controlplane.api.ApiError;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IAM identity-based policy document, validated on write against the IAM JSON policy grammar
 * (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html): Version
 * 2012-10-17 or 2008-10-17, one or more statements with Effect Allow/Deny, Action or NotAction,
 * Resource or NotResource, optional Sid and Condition. Identity policies have no Principal.
 * Stored as compact JSON text.
 */
public record PolicyDocument(String json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?]+");
    private static final int MAX_BYTES = 20 * 1024;

    /** Parses {@code content} (a JSON object, or a string holding one) and validates it. */
    public static PolicyDocument parse(JsonNode content) {
        JsonNode doc = content;
        if (content != null && content.isTextual()) {
            try {
                doc = MAPPER.readTree(content.textValue());
            } catch (JsonProcessingException e) {
                throw invalid("content is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (doc == null || !doc.isObject()) {
            throw invalid("content must be a JSON policy document object");
        }
        validate(doc);
        String text = doc.toString();
        if (text.length() > MAX_BYTES) {
            throw invalid("policy documents are limited to " + MAX_BYTES + " characters");
        }
        return new PolicyDocument(text);
    }

    public JsonNode tree() {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not JSON", e);
        }
    }

    private static void validate(JsonNode doc) {
        unknownKeys(doc, TOP, "");
        JsonNode version = doc.get("Version");
        if (version == null || !(version.asText().equals("2012-10-17") || version.asText().equals("2008-10-17"))) {
            throw invalid("Version must be \"2012-10-17\" (or \"2008-10-17\")");
        }
        JsonNode statements = doc.get("Statement");
        if (statements == null || (statements.isArray() && statements.isEmpty())) {
            throw invalid("Statement is required and must not be empty");
        }
        if (statements.isObject()) {
            statement(statements, 0);
        } else if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                statement(statements.get(i), i);
            }
        } else {
            throw invalid("Statement must be an object or an array of objects");
        }
    }

    private static void statement(JsonNode s, int index) {
        String where = "Statement[" + index + "]";
        if (!s.isObject()) {
            throw invalid(where + " must be an object");
        }
        if (s.has("Principal") || s.has("NotPrincipal")) {
            throw invalid(where + ": identity policies must not name a Principal");
        }
        unknownKeys(s, STATEMENT, where + ".");
        String effect = s.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw invalid(where + ".Effect must be \"Allow\" or \"Deny\"");
        }
        exactlyOne(s, "Action", "NotAction", where);
        exactlyOne(s, "Resource", "NotResource", where);
        for (String key : new String[] {"Action", "NotAction"}) {
            if (s.has(key)) {
                strings(s.get(key), where + "." + key, ACTION);
            }
        }
        for (String key : new String[] {"Resource", "NotResource"}) {
            if (s.has(key)) {
                strings(s.get(key), where + "." + key, Pattern.compile("\\*|arn:[^:]+:s3:::.*"));
            }
        }
        if (s.has("Condition") && !s.get("Condition").isObject()) {
            throw invalid(where + ".Condition must be an object");
        }
        if (s.has("Sid") && !s.get("Sid").isTextual()) {
            throw invalid(where + ".Sid must be a string");
        }
    }

    private static void exactlyOne(JsonNode s, String a, String b, String where) {
        if (s.has(a) == s.has(b)) {
            throw invalid(where + " must have exactly one of " + a + " and " + b);
        }
    }

    private static void strings(JsonNode v, String where, Pattern shape) {
        if (v.isTextual()) {
            check(v.textValue(), where, shape);
            return;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw invalid(where + " must be a string or a non-empty array of strings");
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw invalid(where + " must contain only strings");
            }
            check(item.textValue(), where, shape);
        }
    }

    private static void check(String value, String where, Pattern shape) {
        if (!shape.matcher(value).matches()) {
            throw invalid(where + " has an invalid value '" + value + "'");
        }
    }

    private static void unknownKeys(JsonNode obj, Set<String> allowed, String prefix) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw invalid("unknown policy element " + prefix + k);
            }
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError.Invalid("invalid_policy", message, "content");
    }
}
