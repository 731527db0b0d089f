package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of one request: roles are read from the database on every request, so
 * a removed role binding takes effect at once. A token issued for a project narrows the caller to
 * that project.
 *
 * @param tokenProjectId the project the token was issued for, or null for an unscoped token
 * @param roles the caller's role per project id
 * @param tokenId the access token's {@code jti} (for the audit trail; never the token), or null
 */
public record Principal(String userId, String name, boolean admin, String tokenProjectId, Map<String, Role> roles,
        String tokenId) {
    public Principal {
        roles = Map.copyOf(roles);
    }

    /** The caller's role in a project, if the project is visible to it (admins act as owners). */
    public Optional<Role> roleIn(String projectId) {
        if (tokenProjectId != null && !tokenProjectId.equals(projectId)) {
            return Optional.empty();
        }
        if (admin) {
            return Optional.of(Role.OWNER);
        }
        return Optional.ofNullable(roles.get(projectId));
    }

    public boolean canSee(String projectId) {
        return roleIn(projectId).isPresent();
    }

    /**
     * Checks a permission on a resource of {@code projectId}: a project the caller has no role in is
     * reported as not found (its existence is not revealed), a role without the permission as 403.
     */
    public void require(String projectId, Permission permission, String what, String ref) {
        Role role = roleIn(projectId).orElseThrow(() -> ApiError.notFound(what, ref));
        if (!role.allows(permission)) {
            throw new ApiError.Forbidden("permission " + permission.externalName() + " is required");
        }
    }

    /** Project ids the caller may list, or null for "all" (an unscoped admin). */
    public Set<String> visibleProjects() {
        if (tokenProjectId != null) {
            return canSee(tokenProjectId) ? Set.of(tokenProjectId) : Set.of();
        }
        return admin ? null : roles.keySet();
    }

    /**
     * True when the caller owns some project (project owners may manage IAM users). A token scoped to a
     * project only counts the role there: a user who owns project A but holds a token for project B,
     * where they are a viewer, acts as a viewer.
     */
    public boolean ownsAnyProject() {
        if (tokenProjectId != null) {
            return roleIn(tokenProjectId).filter(r -> r == Role.OWNER).isPresent();
        }
        return admin || roles.containsValue(Role.OWNER);
    }

    /**
     * The projects the caller holds the owner role in, as far as the token reaches (for an admin with a scoped
     * token, that project; an unscoped admin's own bindings only: callers check {@link #admin} first).
     */
    public Set<String> ownedProjects() {
        if (tokenProjectId != null) {
            return roleIn(tokenProjectId).filter(r -> r == Role.OWNER).isPresent() ? Set.of(tokenProjectId) : Set.of();
        }
        return roles.entrySet().stream().filter(e -> e.getValue() == Role.OWNER).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
