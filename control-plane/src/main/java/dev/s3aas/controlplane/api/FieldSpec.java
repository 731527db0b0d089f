package dev.s3aas.controlplane.api;

import java.util.Objects;

/**
 * One field of a resource's JSON representation: its type and who may write it. The same specs
 * validate request bodies and generate the OpenAPI document, so the two cannot drift apart.
 */
public record FieldSpec(String name, Type type, Access access, boolean required, boolean nullable, String description) {
    public enum Type { STRING, STRING_LIST, OBJECT_LIST, BOOLEAN, INTEGER, DATETIME, JSON_OBJECT, NODE_LIST }

    public enum Access {
        /** Written on create and on update. */
        READ_WRITE,
        /** Written on create only; an update that sends it is refused as immutable. */
        CREATE_ONLY,
        /** Set by the server; a request that sends it is refused. */
        READ_ONLY,
        /** Written on create only and returned only in the create response (a secret). */
        SECRET_ON_CREATE,
        /** Written, never returned (a password). */
        WRITE_ONLY,
        /** Server-held, never returned and never writable (an instance's root secret). */
        HIDDEN
    }

    public FieldSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(access);
        description = description == null ? "" : description;
    }

    public static FieldSpec readOnly(String name, Type type, String description) {
        return new FieldSpec(name, type, Access.READ_ONLY, false, true, description);
    }

    public static FieldSpec rw(String name, Type type, String description) {
        return new FieldSpec(name, type, Access.READ_WRITE, false, false, description);
    }

    public static FieldSpec nullableRw(String name, Type type, String description) {
        return new FieldSpec(name, type, Access.READ_WRITE, false, true, description);
    }

    public static FieldSpec required(String name, Type type, Access access, String description) {
        return new FieldSpec(name, type, access, true, false, description);
    }

    public static FieldSpec createOnly(String name, Type type, String description) {
        return new FieldSpec(name, type, Access.CREATE_ONLY, false, true, description);
    }
}
