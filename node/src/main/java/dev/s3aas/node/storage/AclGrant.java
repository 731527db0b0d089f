package dev.s3aas.node.storage;

import java.util.Objects;

/**
 * One ACL grant: a grantee and what it may do.
 *
 * @param grantee the canonical user id, or the group URI (http://acs.amazonaws.com/groups/global/AllUsers …)
 */
public record AclGrant(GranteeType type, String grantee, AclPermission permission) {
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    /** Grantees an ACL can name (stored by ordinal: append only). E-mail grantees are refused before storing. */
    public enum GranteeType { CANONICAL_USER, GROUP }

    public AclGrant {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(permission, "permission");
    }

    /** Grants to everyone or to every authenticated caller make a resource public (S3's definition). */
    public boolean isPublic() {
        return type == GranteeType.GROUP && (grantee.equals(ALL_USERS) || grantee.equals(AUTHENTICATED_USERS));
    }
}
