package dev.s3aas.common.policy;

import java.util.List;

/**
 * A statement's Resource or NotResource list (IAM JSON policy elements: Resource, NotResource). ARNs are
 * matched case-sensitively; {@code *} and {@code ?} are wildcards and {@code *} runs across {@code /}, so
 * {@code arn:aws:s3:::bucket/home/*} covers every key under {@code home/}.
 *
 * <p>A Resource entry whose policy variable cannot be resolved matches nothing; a NotResource list with
 * such an entry makes the statement not apply (it cannot tell which resources are excluded).
 */
record ResourceSet(List<Template> resources, boolean negated, boolean present) {

    /** A statement without Resource; only allowed for MinIO's admin and KMS actions, which have none. */
    static final ResourceSet ABSENT = new ResourceSet(List.of(), true, false);

    ResourceSet {
        resources = List.copyOf(resources);
    }

    boolean covers(String arn, AccessRequest request) {
        for (int i = 0; i < resources.size(); i++) {
            Template t = resources.get(i);
            // For Resource a prefix mismatch and an unresolved variable both mean "no match", so the
            // shortcut is safe; for NotResource an unresolved variable must still be noticed.
            if (!negated && !t.mayMatchGlob(arn)) {
                continue;
            }
            int[] glob = t.resolveGlob(request);
            if (glob == null) {
                if (negated) {
                    return false;
                }
            } else if (Glob.matches(glob, arn, false)) {
                return !negated;
            }
        }
        return negated;
    }
}
