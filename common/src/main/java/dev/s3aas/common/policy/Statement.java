package dev.s3aas.common.policy;

import java.util.List;

/**
 * One parsed statement.
 *
 * @param sid        the Sid, or null
 * @param principals the Principal or NotPrincipal, or null when the statement has neither (identity policies)
 */
record Statement(String sid, Effect effect, ActionSet actions, ResourceSet resources, PrincipalSet principals,
                 List<Condition> conditions) {

    Statement {
        conditions = List.copyOf(conditions);
    }

    /**
     * Whether the statement applies to the request. The cheap, most selective test (the action) runs
     * first, so a statement about other actions costs one hash lookup.
     *
     * @param checkPrincipal true for resource (bucket) policies; a resource-policy statement without a
     *                       Principal applies to no one
     */
    boolean applies(AccessRequest request, boolean checkPrincipal) {
        if (!actions.covers(request.action())) {
            return false;
        }
        if (checkPrincipal && (principals == null || !principals.covers(request.principal()))) {
            return false;
        }
        if (!resources.covers(request.resourceArn(), request)) {
            return false;
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (!conditions.get(i).evaluate(request)) {
                return false;
            }
        }
        return true;
    }
}
