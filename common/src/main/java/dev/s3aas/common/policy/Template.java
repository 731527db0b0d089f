package dev.s3aas.common.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A policy string that may contain policy variables (IAM policy elements: Variables and tags):
 * {@code ${aws:username}}, {@code ${s3:prefix, 'default'}} and the escapes {@code ${*}}, {@code ${?}} and
 * {@code ${$}} for a literal {@code *}, {@code ?} and {@code $}. Variables exist only in policy version
 * 2012-10-17; in 2008-10-17 documents every string is literal.
 *
 * <p>A variable takes the value of the request's condition key of that name. If the key is absent or has
 * several values (multivalued keys cannot be variables) and no default is given, the variable cannot be
 * resolved and the caller must treat the statement as not applying ("If AWS cannot resolve a variable
 * this might cause the entire statement to be invalid"). A substituted value is always literal: a
 * {@code *} in a user name or prefix is not a wildcard.
 *
 * <p>Strings without variables, the common case, are resolved at parse time: matching them does not
 * allocate.
 */
final class Template {

    private sealed interface Part {
    }

    /** Policy text; {@code *} and {@code ?} in it are wildcards where the operator allows them. */
    private record Literal(String text) implements Part {
    }

    /** An escape: one character that is never a wildcard. */
    private record Escaped(char c) implements Part {
    }

    private record Variable(String normalizedKey, String defaultValue) implements Part {
    }

    private final String raw;
    private final List<Part> parts;
    private final String constant;
    private final int[] constantGlob;
    private final String literalPrefix;

    private Template(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = parts;
        this.literalPrefix = literalPrefix(parts);
        boolean constantParts = parts.stream().noneMatch(p -> p instanceof Variable);
        this.constant = constantParts ? resolveString(null) : null;
        this.constantGlob = constantParts ? resolveGlob(null) : null;
    }

    static Template literal(String raw) {
        return new Template(raw, List.of(new Literal(raw)));
    }

    /** Parses {@code raw}; {@code variables} is false for 2008-10-17 documents. */
    static Template parse(String raw, boolean variables) throws MalformedPolicyException {
        if (!variables || !raw.contains("${")) {
            return literal(raw);
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int start = raw.indexOf("${", i);
            if (start < 0) {
                parts.add(new Literal(raw.substring(i)));
                break;
            }
            if (start > i) {
                parts.add(new Literal(raw.substring(i, start)));
            }
            int end = closingBrace(raw, start + 2);
            if (end < 0) {
                throw new MalformedPolicyException("unterminated policy variable in \"" + raw + "\"");
            }
            parts.add(variable(raw, raw.substring(start + 2, end)));
            i = end + 1;
        }
        return new Template(raw, List.copyOf(parts));
    }

    /** The {@code }} that ends a variable, skipping any inside a quoted default value; -1 if none. */
    private static int closingBrace(String raw, int from) {
        boolean quoted = false;
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Part variable(String raw, String body) throws MalformedPolicyException {
        switch (body) {
            case "*", "?", "$" -> {
                return new Escaped(body.charAt(0));
            }
            default -> {
            }
        }
        String name = body;
        String defaultValue = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            name = body.substring(0, comma);
            String d = body.substring(comma + 1).trim();
            if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\'') {
                throw new MalformedPolicyException("invalid default value in policy variable \"${" + body
                        + "}\" of \"" + raw + "\": write ${key, 'default'}");
            }
            defaultValue = d.substring(1, d.length() - 1).replace("''", "'");
        }
        name = name.trim();
        if (name.isEmpty() || name.indexOf(':') <= 0 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new MalformedPolicyException("invalid policy variable \"${" + body + "}\" in \"" + raw
                    + "\": expected a condition key such as ${aws:username}");
        }
        return new Variable(ConditionContext.normalizeKey(name), defaultValue);
    }

    /** The text before the first wildcard or variable: every match starts with it. */
    private static String literalPrefix(List<Part> parts) {
        if (parts.isEmpty() || !(parts.get(0) instanceof Literal first)) {
            return "";
        }
        String text = first.text();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '*' || text.charAt(i) == '?') {
                end = i;
                break;
            }
        }
        return text.substring(0, end);
    }

    String raw() {
        return raw;
    }

    /**
     * False if no substitution can make this glob match {@code text}: it does not start with the literal
     * prefix. Lets callers skip resolving variables (which allocates) for resources that clearly differ.
     */
    boolean mayMatchGlob(String text) {
        return text.startsWith(literalPrefix);
    }

    boolean hasVariables() {
        return constant == null;
    }

    /** The text with variables substituted, or null if a variable cannot be resolved. */
    String resolveString(AccessRequest request) {
        if (constant != null) {
            return constant;
        }
        StringBuilder sb = new StringBuilder(raw.length() + 16);
        for (Part p : parts) {
            switch (p) {
                case Literal l -> sb.append(l.text());
                case Escaped e -> sb.append(e.c());
                case Variable v -> {
                    String value = value(v, request);
                    if (value == null) {
                        return null;
                    }
                    sb.append(value);
                }
            }
        }
        return sb.toString();
    }

    /** The {@link Glob} pattern with variables substituted, or null if a variable cannot be resolved. */
    int[] resolveGlob(AccessRequest request) {
        if (constantGlob != null) {
            return constantGlob;
        }
        int[] codes = new int[raw.length() + 16];
        int n = 0;
        for (Part p : parts) {
            String text;
            boolean wild;
            switch (p) {
                case Literal l -> {
                    text = l.text();
                    wild = true;
                }
                case Escaped e -> {
                    text = String.valueOf(e.c());
                    wild = false;
                }
                case Variable v -> {
                    text = value(v, request);
                    wild = false;
                    if (text == null) {
                        return null;
                    }
                }
            }
            if (n + text.length() > codes.length) {
                codes = Arrays.copyOf(codes, Math.max(codes.length * 2, n + text.length()));
            }
            for (int i = 0; i < text.length(); i++) {
                codes[n++] = wild ? Glob.code(text.charAt(i)) : text.charAt(i);
            }
        }
        return Arrays.copyOf(codes, n);
    }

    private static String value(Variable v, AccessRequest request) {
        if (request != null) {
            List<String> values = request.values(v.normalizedKey());
            if (values.size() == 1) {
                return values.get(0);
            }
        }
        return v.defaultValue();
    }

    @Override
    public String toString() {
        return raw;
    }
}
