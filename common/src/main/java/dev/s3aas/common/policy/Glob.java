package dev.s3aas.common.policy;

/**
 * IAM wildcard matching: {@code *} matches any run of characters (including {@code /} and {@code :}; an
 * IAM ARN wildcard is not a path glob) and {@code ?} matches exactly one character (IAM JSON policy
 * elements: Resource, "Including wildcard characters"). A compiled pattern is an {@code int[]} where a
 * non-negative entry is a literal character and {@link #STAR} / {@link #ANY_ONE} are the wildcards, so a
 * literal {@code *} produced by the {@code ${*}} escape or by a variable's value can be told apart from a
 * wildcard.
 *
 * <p>The match is the classic greedy scan with a single backtrack point: linear in practice, O(n·m) in
 * the worst case, and it never allocates.
 */
final class Glob {

    static final int STAR = -1;
    static final int ANY_ONE = -2;

    private Glob() {
    }

    /** Compiles {@code pattern}, treating every {@code *} and {@code ?} as a wildcard. */
    static int[] compile(String pattern) {
        int[] codes = new int[pattern.length()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code(pattern.charAt(i));
        }
        return codes;
    }

    static int code(char c) {
        return switch (c) {
            case '*' -> STAR;
            case '?' -> ANY_ONE;
            default -> c;
        };
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    static boolean matches(int[] pattern, CharSequence text, boolean ignoreCase) {
        return matches(pattern, 0, pattern.length, text, 0, text.length(), ignoreCase);
    }

    /**
     * ARN matching for the Arn condition operators: each of the six colon-separated parts of the ARN is
     * matched on its own, so a wildcard does not run across a {@code :} before the resource part. A pattern
     * with fewer parts (such as a lone {@code *}) is matched against the rest of the ARN as a whole.
     */
    static boolean matchesArn(int[] pattern, String arn) {
        int p = 0;
        int t = 0;
        for (int part = 0; part < 5; part++) {
            int pColon = indexOf(pattern, ':', p);
            if (pColon < 0) {
                break;
            }
            int tColon = arn.indexOf(':', t);
            if (tColon < 0 || !matches(pattern, p, pColon, arn, t, tColon, false)) {
                return false;
            }
            p = pColon + 1;
            t = tColon + 1;
        }
        return matches(pattern, p, pattern.length, arn, t, arn.length(), false);
    }

    private static int indexOf(int[] pattern, char c, int from) {
        for (int i = from; i < pattern.length; i++) {
            if (pattern[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Matches {@code pattern[patternFrom, patternTo)} against {@code text[from, to)}. */
    static boolean matches(int[] pattern, int patternFrom, int patternTo, CharSequence text, int from, int to,
                           boolean ignoreCase) {
        int patternLength = patternTo;
        int p = patternFrom;
        int t = from;
        int starP = -1;
        int starT = 0;
        while (t < to) {
            if (p < patternLength && pattern[p] != STAR
                    && (pattern[p] == ANY_ONE || same(pattern[p], text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < patternLength && pattern[p] == STAR) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < patternLength && pattern[p] == STAR) {
            p++;
        }
        return p == patternLength;
    }

    private static boolean same(int patternChar, char c, boolean ignoreCase) {
        if (patternChar == c) {
            return true;
        }
        return ignoreCase && Character.toLowerCase((char) patternChar) == Character.toLowerCase(c);
    }
}
