package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Project roles. Owners hold every permission in their project; viewers only reads. */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    /** Manages what lives inside instances; reads and updates instances but never creates or deletes them. */
    OPERATOR(operatorPermissions()),
    VIEWER(readPermissions());

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s, String field) {
        for (Role r : values()) {
            if (r.externalName().equals(s)) {
                return r;
            }
        }
        throw ApiError.invalid(field, "role must be one of owner, operator, viewer");
    }

    private static Set<Permission> readPermissions() {
        EnumSet<Permission> s = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (p.isRead()) {
                s.add(p);
            }
        }
        return s;
    }

    private static Set<Permission> operatorPermissions() {
        EnumSet<Permission> s = EnumSet.allOf(Permission.class);
        s.removeAll(EnumSet.of(Permission.INSTANCE_CREATE, Permission.INSTANCE_DELETE,
                Permission.PROJECT_UPDATE, Permission.ROLE_BINDING_CREATE, Permission.ROLE_BINDING_DELETE));
        return s;
    }
}
