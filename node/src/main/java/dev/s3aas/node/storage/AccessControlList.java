package dev.s3aas.node.storage;

import java.util.List;

/**
 * A bucket's or object version's ACL: the grants besides the owner's, who always holds FULL_CONTROL (a node
 * has one account, which owns every bucket and object). No grants is S3's "private" canned ACL, the default.
 */
public record AccessControlList(List<AclGrant> grants) {
    public static final AccessControlList PRIVATE = new AccessControlList(List.of());

    public AccessControlList {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public boolean isPublic() {
        return grants.stream().anyMatch(AclGrant::isPublic);
    }

    /** Whether a grant to {@code grantee} (of this type) gives {@code permission}; FULL_CONTROL gives all. */
    public boolean allows(AclGrant.GranteeType type, String grantee, AclPermission permission) {
        for (AclGrant g : grants) {
            if (g.type() == type && g.grantee().equals(grantee)
                    && (g.permission() == permission || g.permission() == AclPermission.FULL_CONTROL)) {
                return true;
            }
        }
        return false;
    }
}
