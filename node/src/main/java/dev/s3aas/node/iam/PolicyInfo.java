package dev.s3aas.node.iam;

import dev.s3aas.common.policy.PolicyDocument;
import java.time.Instant;

/**
 * A named identity policy: one of the built-in canned policies or a custom one.
 *
 * @param created null for canned policies
 */
public record PolicyInfo(String name, PolicyDocument document, boolean canned, Instant created, Instant updated) {
    public String json() {
        return document.json();
    }
}
