package dev.s3aas.common.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement's Action or NotAction list. Action names are case-insensitive and may use {@code *} and
 * {@code ?} (IAM JSON policy elements: Action). At parse time each pattern is expanded against the
 * {@link ActionCatalog}, so matching a known action is one hash lookup; the compiled patterns are kept
 * for actions outside the catalogue.
 */
record ActionSet(List<String> patterns, boolean negated, Set<String> expanded, List<int[]> compiled) {

    ActionSet {
        patterns = List.copyOf(patterns);
        expanded = Set.copyOf(expanded);
        compiled = List.copyOf(compiled);
    }

    /**
     * Compiles the patterns; {@code unknown} receives each pattern that matches no catalogued action.
     */
    static ActionSet compile(List<String> patterns, boolean negated, List<String> unknown) {
        Set<String> expanded = new HashSet<>();
        List<int[]> compiled = patterns.stream().map(Glob::compile).toList();
        for (int i = 0; i < patterns.size(); i++) {
            int[] glob = compiled.get(i);
            boolean any = false;
            for (String action : ActionCatalog.ALL) {
                if (Glob.matches(glob, action, true)) {
                    expanded.add(action);
                    any = true;
                }
            }
            if (!any) {
                unknown.add(patterns.get(i));
            }
        }
        return new ActionSet(patterns, negated, expanded, compiled);
    }

    /** Whether the element covers {@code action} (for NotAction: whether the action is not listed). */
    boolean covers(String action) {
        boolean listed = expanded.contains(action)
                || (!ActionCatalog.isKnown(action) && matchesPattern(action));
        return listed != negated;
    }

    private boolean matchesPattern(String action) {
        for (int i = 0; i < compiled.size(); i++) {
            if (Glob.matches(compiled.get(i), action, true)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every action this element can cover is an {@code admin:} or {@code kms:} action. */
    boolean onlyNonS3() {
        return !negated && expanded.stream().noneMatch(ActionCatalog::isS3)
                && patterns.stream().noneMatch(p -> p.equals("*") || ActionCatalog.isS3(p));
    }
}
