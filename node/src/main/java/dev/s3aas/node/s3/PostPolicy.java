package dev.s3aas.node.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy document of a browser-based upload (S3 "Creating a POST policy"): an expiration and conditions
 * every form field must satisfy — exact matches ({@code {"bucket": "b"}}, {@code ["eq", "$key", "k"]}),
 * prefixes ({@code ["starts-with", "$key", "user/"]}) and {@code ["content-length-range", min, max]}. Form
 * fields that no condition mentions are refused, except the signature fields, the policy itself, the file and
 * {@code x-ignore-*}.
 */
record PostPolicy(Instant expiration, List<Condition> conditions, long minLength, long maxLength) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXEMPT = Set.of("policy", "file", "x-amz-signature", "signature",
            "awsaccesskeyid", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token");

    /** One field condition: exact value, or prefix (an empty prefix allows anything). */
    record Condition(String field, String value, boolean prefix) {
        boolean holds(String actual) {
            return actual != null && (prefix ? actual.startsWith(value) : actual.equals(value));
        }
    }

    static PostPolicy parse(String base64) throws S3Exception {
        JsonNode doc;
        try {
            doc = JSON.readTree(new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw invalid("the policy is not base64-encoded JSON");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(doc.path("expiration").asText(""));
        } catch (Exception e) {
            throw invalid("expiration must be an ISO 8601 date");
        }
        List<Condition> conditions = new ArrayList<>();
        long[] range = {0, Long.MAX_VALUE};
        for (JsonNode c : doc.path("conditions")) {
            condition(c, conditions, range);
        }
        return new PostPolicy(expiration, conditions, range[0], range[1]);
    }

    private static void condition(JsonNode c, List<Condition> out, long[] range) throws S3Exception {
        if (c.isObject() && c.size() == 1) {
            var e = c.fields().next();
            out.add(new Condition(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText(), false));
        } else if (c.isArray() && c.size() == 3) {
            String op = c.get(0).asText().toLowerCase(Locale.ROOT);
            if (op.equals("content-length-range")) {
                range[0] = c.get(1).asLong(-1);
                range[1] = c.get(2).asLong(-1);
                if (range[0] < 0 || range[1] < range[0]) {
                    throw invalid("content-length-range needs 0 <= min <= max");
                }
                return;
            }
            String field = c.get(1).asText();
            if (!field.startsWith("$") || !(op.equals("eq") || op.equals("starts-with"))) {
                throw invalid("conditions are eq, starts-with (on $field) or content-length-range");
            }
            out.add(new Condition(field.substring(1).toLowerCase(Locale.ROOT), c.get(2).asText(),
                    op.equals("starts-with")));
        } else {
            throw invalid("a condition is an object with one field or an array of three");
        }
    }

    /** Checks expiry and every condition against the form (lower-case field names, "bucket" included). */
    void check(Map<String, String> fields, Instant now) throws S3Exception {
        if (!now.isBefore(expiration)) {
            throw denied("Invalid according to Policy: Policy expired.");
        }
        for (Condition c : conditions) {
            if (!c.holds(fields.get(c.field()))) {
                throw denied("Invalid according to Policy: Policy Condition failed: [\"" + (c.prefix() ? "starts-with"
                        : "eq") + "\", \"$" + c.field() + "\", \"" + c.value() + "\"]");
            }
        }
        for (String name : fields.keySet()) {
            if (!EXEMPT.contains(name) && !name.startsWith("x-ignore-") && !name.equals("bucket")
                    && conditions.stream().noneMatch(c -> c.field().equals(name))) {
                throw denied("Invalid according to Policy: Extra input fields: " + name);
            }
        }
    }

    private static S3Exception invalid(String message) {
        return new S3Exception(S3ErrorCode.InvalidPolicyDocument, "Invalid Policy: " + message);
    }

    private static S3Exception denied(String message) {
        return new S3Exception(S3ErrorCode.AccessDenied, message);
    }
}
