package dev.s3aas.node.s3;

import dev.s3aas.node.storage.AccessControlList;
import dev.s3aas.node.storage.AclGrant;
import dev.s3aas.node.storage.AclGrant.GranteeType;
import dev.s3aas.node.storage.AclPermission;
import dev.s3aas.node.storage.BucketConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACLs on the wire: canned ACLs ({@code x-amz-acl}), grant headers ({@code x-amz-grant-*}) and
 * {@code AccessControlPolicy} documents, and the rules for setting one (S3 "Access control list (ACL) overview",
 * "Controlling ownership of objects"). A node is one account, owner of every bucket and object, so the owner's
 * FULL_CONTROL is implicit and the grants that mean something are to the groups AllUsers / AuthenticatedUsers
 * (and LogDelivery, stored and shown). E-mail grantees name no account here and are refused.
 */
final class Acls {
    private static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final Map<String, AclPermission> GRANT_HEADERS = Map.of(
            "x-amz-grant-read", AclPermission.READ, "x-amz-grant-write", AclPermission.WRITE,
            "x-amz-grant-read-acp", AclPermission.READ_ACP, "x-amz-grant-write-acp", AclPermission.WRITE_ACP,
            "x-amz-grant-full-control", AclPermission.FULL_CONTROL);
    private static final Pattern GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*\"([^\"]*)\"\\s*(,|$)");

    private Acls() {}

    /** The ACL a write request asks for with its headers, or null when it sends none. */
    static AccessControlList fromHeaders(S3Exchange ex, String ownerId) throws S3Exception {
        String canned = ex.header("x-amz-acl");
        List<AclGrant> grants = new ArrayList<>();
        boolean anyGrantHeader = false;
        for (var h : GRANT_HEADERS.entrySet()) {
            String v = ex.header(h.getKey());
            if (v != null) {
                anyGrantHeader = true;
                grantees(v, h.getValue(), ownerId, grants);
            }
        }
        if (canned != null && anyGrantHeader) {
            throw new S3Exception(S3ErrorCode.InvalidRequest,
                    "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned != null) {
            return canned(canned.trim());
        }
        return anyGrantHeader ? new AccessControlList(grants) : null;
    }

    static AccessControlList canned(String name) throws S3Exception {
        return switch (name) {
            // The bucket owner is the object owner on a node, so these leave only the owner's FULL_CONTROL.
            case "private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read" -> AccessControlList.PRIVATE;
            case "public-read" -> acl(group(AclGrant.ALL_USERS, AclPermission.READ));
            case "public-read-write" -> acl(group(AclGrant.ALL_USERS, AclPermission.READ),
                    group(AclGrant.ALL_USERS, AclPermission.WRITE));
            case "authenticated-read" -> acl(group(AclGrant.AUTHENTICATED_USERS, AclPermission.READ));
            case "log-delivery-write" -> acl(group(AclGrant.LOG_DELIVERY, AclPermission.WRITE),
                    group(AclGrant.LOG_DELIVERY, AclPermission.READ_ACP));
            default -> throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid canned ACL: " + name);
        };
    }

    private static AccessControlList acl(AclGrant... grants) {
        return new AccessControlList(List.of(grants));
    }

    private static AclGrant group(String uri, AclPermission p) {
        return new AclGrant(GranteeType.GROUP, uri, p);
    }

    private static void grantees(String header, AclPermission p, String ownerId, List<AclGrant> out)
            throws S3Exception {
        Matcher m = GRANTEE.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid grant header: " + header);
            }
            add(m.group(1), m.group(2), p, ownerId, out);
            at = m.end();
        }
    }

    private static void add(String kind, String value, AclPermission p, String ownerId, List<AclGrant> out)
            throws S3Exception {
        switch (kind) {
            case "id" -> {
                if (!value.equals(ownerId)) {
                    throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid id: " + value
                            + " (this server has one account, " + ownerId + ")");
                }
                // The owner's own grants are implicit.
            }
            case "uri" -> {
                if (!value.equals(AclGrant.ALL_USERS) && !value.equals(AclGrant.AUTHENTICATED_USERS)
                        && !value.equals(AclGrant.LOG_DELIVERY)) {
                    throw new S3Exception(S3ErrorCode.InvalidArgument, "Invalid group uri: " + value);
                }
                out.add(group(value, p));
            }
            default -> throw new S3Exception(S3ErrorCode.UnresolvableGrantByEmailAddress,
                    "The e-mail address " + value + " does not match any account on this server.");
        }
    }

    /**
     * Whether this bucket lets the ACL be set: with ACLs disabled (BucketOwnerEnforced) only the owner-only ACL
     * is accepted, as AWS does; Block Public Access's BlockPublicAcls refuses public grants.
     */
    static void checkSettable(BucketConfig bucket, AccessControlList acl) throws S3Exception {
        if (acl == null) {
            return;
        }
        if (!bucket.effectiveOwnership().aclsEnabled() && !acl.grants().isEmpty()) {
            throw new S3Exception(S3ErrorCode.AccessControlListNotSupported);
        }
        if (bucket.publicAccessBlock() != null && bucket.publicAccessBlock().blockPublicAcls() && acl.isPublic()) {
            throw new S3Exception(S3ErrorCode.AccessDenied,
                    "Access Denied: the bucket's Block Public Access settings (BlockPublicAcls) refuse public ACLs.");
        }
    }

    /**
     * The ACL an object write (PutObject, CopyObject, CreateMultipartUpload) asks for in its headers, checked
     * against the bucket; null when it asks for none (the object is then private).
     */
    static AccessControlList forWrite(S3Exchange ex, dev.s3aas.node.storage.ObjectStore store, String ownerId)
            throws S3Exception, dev.s3aas.node.storage.StorageException {
        AccessControlList acl = fromHeaders(ex, ownerId);
        if (acl != null) {
            checkSettable(store.bucket(ex.bucket()).config(), acl);
        }
        return acl;
    }

    /** The GetBucketAcl / GetObjectAcl document: the owner's FULL_CONTROL, then the stored grants. */
    static Xml document(String ownerId, AccessControlList acl) {
        Xml xml = Xml.document("AccessControlPolicy");
        xml.start("Owner").element("ID", ownerId).element("DisplayName", ownerId).end();
        xml.start("AccessControlList");
        xml.start("Grant").startWithAttributes("Grantee", XSI + " xsi:type=\"CanonicalUser\"")
                .element("ID", ownerId).element("DisplayName", ownerId).end()
                .element("Permission", AclPermission.FULL_CONTROL.name()).end();
        for (AclGrant g : acl == null ? List.<AclGrant>of() : acl.grants()) {
            xml.start("Grant");
            switch (g.type()) {
                case CANONICAL_USER -> xml.startWithAttributes("Grantee", XSI + " xsi:type=\"CanonicalUser\"")
                        .element("ID", g.grantee()).end();
                case GROUP -> xml.startWithAttributes("Grantee", XSI + " xsi:type=\"Group\"")
                        .element("URI", g.grantee()).end();
            }
            xml.element("Permission", g.permission().name()).end();
        }
        return xml.end();
    }

    /** A PutBucketAcl / PutObjectAcl body. The owner named, if any, must be this node's account. */
    static AccessControlList fromDocument(XmlBody.Node doc, String ownerId) throws S3Exception {
        if (!doc.name().equals("AccessControlPolicy")) {
            throw new S3Exception(S3ErrorCode.MalformedACLError);
        }
        XmlBody.Node owner = doc.child("Owner");
        if (owner != null && owner.childText("ID") != null && !owner.childText("ID").equals(ownerId)) {
            throw new S3Exception(S3ErrorCode.AccessDenied, "The owner of an ACL cannot be changed.");
        }
        XmlBody.Node list = doc.child("AccessControlList");
        List<AclGrant> grants = new ArrayList<>();
        for (XmlBody.Node g : list == null ? List.<XmlBody.Node>of() : list.all("Grant")) {
            XmlBody.Node grantee = g.child("Grantee");
            String perm = g.childText("Permission");
            AclPermission p;
            try {
                p = AclPermission.valueOf(perm == null ? "" : perm);
            } catch (IllegalArgumentException e) {
                throw new S3Exception(S3ErrorCode.MalformedACLError, "Invalid Permission: " + perm);
            }
            if (grantee == null) {
                throw new S3Exception(S3ErrorCode.MalformedACLError);
            }
            if (grantee.childText("ID") != null) {
                add("id", grantee.childText("ID"), p, ownerId, grants);
            } else if (grantee.childText("URI") != null) {
                add("uri", grantee.childText("URI"), p, ownerId, grants);
            } else if (grantee.childText("EmailAddress") != null) {
                add("emailAddress", grantee.childText("EmailAddress"), p, ownerId, grants);
            } else {
                throw new S3Exception(S3ErrorCode.MalformedACLError);
            }
        }
        return new AccessControlList(grants);
    }

    /** A Put*Acl request: a canned ACL or grant headers, or an AccessControlPolicy body, not both. */
    static AccessControlList fromRequest(S3Exchange ex, String ownerId) throws S3Exception, java.io.IOException {
        AccessControlList fromHeaders = fromHeaders(ex, ownerId);
        byte[] body = ex.contentLength() == 0 ? new byte[0] : SmallBody.read(ex, 64 * 1024);
        if (fromHeaders != null && body.length > 0) {
            throw new S3Exception(S3ErrorCode.UnexpectedContent,
                    "This request does not support content when an ACL is given in headers.");
        }
        if (fromHeaders != null) {
            return fromHeaders;
        }
        if (body.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingSecurityHeader, "Your request was missing a required header: "
                    + "x-amz-acl, an x-amz-grant-* header or an AccessControlPolicy body.");
        }
        return fromDocument(XmlBody.parse(body), ownerId);
    }
}
