package dev.s3aas.node.storage;

/** The permissions an ACL grant gives (S3 "Access control list (ACL) overview"). Stored by ordinal: append only. */
public enum AclPermission {
    FULL_CONTROL, WRITE, WRITE_ACP, READ, READ_ACP
}
