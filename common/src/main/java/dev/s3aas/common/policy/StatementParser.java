package dev.s3aas.common.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses one statement's elements (IAM JSON policy element reference) and applies the validation mode. */
final class StatementParser {

    private static final Set<String> FIELDS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "CanonicalUser", "Service", "Federated");
    private static final String S3_ARN_PREFIX = "arn:aws:s3:::";

    private final PolicyValidation validation;
    private final boolean variables;

    StatementParser(PolicyValidation validation, boolean variables) {
        this.validation = validation;
        this.variables = variables;
    }

    Statement parse(JsonNode node, String path) throws MalformedPolicyException {
        PolicyParser.checkFields(node, FIELDS, path + ": unknown field");
        String sid = PolicyParser.optionalString(node.get("Sid"), path + ".Sid");
        Effect effect = effect(node.get("Effect"), path + ".Effect");
        ActionSet actions = actions(node, path, effect);
        ResourceSet resources = resources(node, path, actions);
        PrincipalSet principals = principals(node, path);
        List<Condition> conditions = node.has("Condition")
                ? new ConditionParser(variables).parse(node.get("Condition"), path + ".Condition")
                : List.of();
        return new Statement(sid, effect, actions, resources, principals, conditions);
    }

    private static Effect effect(JsonNode node, String path) throws MalformedPolicyException {
        if (node == null) {
            throw new MalformedPolicyException(path + " is missing");
        }
        for (Effect e : Effect.values()) {
            if (node.isTextual() && node.textValue().equals(e.jsonName)) {
                return e;
            }
        }
        throw new MalformedPolicyException(path + " must be \"Allow\" or \"Deny\", not " + node);
    }

    private ActionSet actions(JsonNode node, String path, Effect effect) throws MalformedPolicyException {
        String name = exactlyOne(node, "Action", "NotAction", path, true);
        String elementPath = path + "." + name;
        boolean s3OnlyGrant = effect == Effect.ALLOW
                && validation instanceof PolicyValidation.Identity(boolean s3Only) && s3Only;
        if (s3OnlyGrant && name.equals("NotAction")) {
            throw new MalformedPolicyException(elementPath + ": an Allow with NotAction grants every other action,"
                    + " including admin:* and kms:*; list the S3 actions to allow in Action instead");
        }
        List<String> patterns = PolicyParser.stringList(node.get(name), elementPath);
        for (String p : patterns) {
            if (!p.equals("*") && p.indexOf(':') <= 0) {
                throw new MalformedPolicyException(elementPath + ": \"" + p
                        + "\" is not an action; expected service:Action such as s3:GetObject");
            }
            if (validation instanceof PolicyValidation.Bucket && !p.equals("*") && !ActionCatalog.isS3(p)) {
                throw new MalformedPolicyException(elementPath + ": \"" + p
                        + "\" is not an S3 action; a bucket policy can only grant S3 actions");
            }
            if (s3OnlyGrant && !ActionCatalog.isS3(p)) {
                throw new MalformedPolicyException(elementPath + ": \"" + p + "\" is not an S3 action; this policy"
                        + " may only allow S3 actions (use \"s3:*\" for all of them)");
            }
        }
        List<String> unknown = new ArrayList<>();
        ActionSet set = ActionSet.compile(patterns, name.equals("NotAction"), unknown);
        if (!unknown.isEmpty()) {
            throw new MalformedPolicyException(elementPath + ": unknown action \"" + unknown.get(0) + "\"");
        }
        return set;
    }

    private ResourceSet resources(JsonNode node, String path, ActionSet actions)
            throws MalformedPolicyException {
        // MinIO's built-in consoleAdmin policy grants admin:* and kms:* without a Resource, because those
        // actions are not about any resource; S3 actions always need one, as in IAM.
        String name = exactlyOne(node, "Resource", "NotResource", path, !actions.onlyNonS3());
        if (name == null) {
            return ResourceSet.ABSENT;
        }
        String elementPath = path + "." + name;
        List<Template> templates = new ArrayList<>();
        for (String r : PolicyParser.stringList(node.get(name), elementPath)) {
            checkResource(r, elementPath);
            try {
                templates.add(Template.parse(r, variables));
            } catch (MalformedPolicyException e) {
                throw new MalformedPolicyException(elementPath + ": " + e.getMessage());
            }
        }
        return new ResourceSet(templates, name.equals("NotResource"), true);
    }

    private void checkResource(String r, String path) throws MalformedPolicyException {
        if (validation instanceof PolicyValidation.Bucket b) {
            String bucketArn = b.bucketArn();
            boolean inBucket = r.startsWith(bucketArn)
                    && (r.length() == bucketArn.length() || r.charAt(bucketArn.length()) == '/');
            if (!inBucket) {
                throw new MalformedPolicyException(path + ": Policy has invalid resource \"" + r
                        + "\"; a policy of bucket \"" + b.bucketName() + "\" can only name " + bucketArn
                        + " and " + bucketArn + "/...");
            }
        } else if (!r.equals("*") && !(r.startsWith(S3_ARN_PREFIX) && r.length() > S3_ARN_PREFIX.length())) {
            throw new MalformedPolicyException(path + ": invalid resource \"" + r
                    + "\"; expected \"*\" or an S3 ARN such as arn:aws:s3:::bucket/key");
        }
    }

    private PrincipalSet principals(JsonNode node, String path) throws MalformedPolicyException {
        boolean required = validation instanceof PolicyValidation.Bucket;
        String name = exactlyOne(node, "Principal", "NotPrincipal", path, false);
        if (name != null && validation instanceof PolicyValidation.Identity) {
            throw new MalformedPolicyException(path + "." + name
                    + ": Policy document should not specify a principal (identity policies apply to the user"
                    + " they are attached to)");
        }
        if (name == null) {
            if (required) {
                throw new MalformedPolicyException(path
                        + " must have Principal or NotPrincipal: a bucket policy must say whom it applies to");
            }
            return null;
        }
        return principal(node.get(name), path + "." + name, name.equals("NotPrincipal"));
    }

    private static PrincipalSet principal(JsonNode node, String path, boolean negated)
            throws MalformedPolicyException {
        if (node.isTextual() && node.textValue().equals("*")) {
            return new PrincipalSet(negated, true, true, Set.of(), Set.of(), Map.of());
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new MalformedPolicyException(path + " must be \"*\" or an object such as {\"AWS\": [...]}");
        }
        PolicyParser.checkFields(node, PRINCIPAL_TYPES, path + ": unknown principal type");
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Set<String> userNames = new HashSet<>();
        Set<String> namesOrKeys = new HashSet<>();
        boolean everyone = false;
        for (String type : List.of("AWS", "CanonicalUser", "Service", "Federated")) {
            if (!node.has(type)) {
                continue;
            }
            List<String> entries = PolicyParser.stringList(node.get(type), path + "." + type);
            raw.put(type, entries);
            boolean user = type.equals("AWS") || type.equals("CanonicalUser");
            for (String e : entries) {
                if (!e.equals("*") && Glob.hasWildcard(e)) {
                    throw new MalformedPolicyException(path + "." + type + ": \"" + e
                            + "\" has a wildcard; a principal can only be \"*\" or a full name");
                }
                if (user) {
                    everyone |= e.equals("*");
                    classify(e, userNames, namesOrKeys);
                }
            }
        }
        return new PrincipalSet(negated, false, everyone, userNames, namesOrKeys, raw);
    }

    /** Sorts an AWS principal entry into user names and names-or-keys; see {@link PrincipalSet}. */
    private static void classify(String entry, Set<String> userNames, Set<String> namesOrKeys) {
        String userArnStart = "arn:aws:iam::";
        if (entry.startsWith(userArnStart)) {
            int colon = entry.indexOf(':', userArnStart.length());
            if (colon > 0 && entry.startsWith("user/", colon + 1)) {
                userNames.add(entry.substring(entry.lastIndexOf('/') + 1));
            }
        } else if (!entry.equals("*") && entry.indexOf(':') < 0
                && !(entry.length() == 12 && entry.chars().allMatch(Character::isDigit))) {
            namesOrKeys.add(entry);
        }
    }

    /**
     * Which of the two exclusive elements {@code a} / {@code b} the statement has; null if neither and
     * not {@code required}.
     */
    private static String exactlyOne(JsonNode node, String a, String b, String path, boolean required)
            throws MalformedPolicyException {
        boolean hasA = node.has(a);
        boolean hasB = node.has(b);
        if (hasA && hasB) {
            throw new MalformedPolicyException(path + " must not have both " + a + " and " + b);
        }
        if (!hasA && !hasB && required) {
            throw new MalformedPolicyException(path + " must have " + a + " or " + b);
        }
        return hasA ? a : hasB ? b : null;
    }
}
