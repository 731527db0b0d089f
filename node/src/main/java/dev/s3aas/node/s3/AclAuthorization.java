package dev.s3aas.node.s3;

import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.storage.AccessControlList;
import dev.s3aas.node.storage.AclGrant;
import dev.s3aas.node.storage.AclPermission;
import dev.s3aas.node.storage.BucketConfig;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.StorageException;
import java.util.Map;

/**
 * What ACL grants allow, for {@link AccessControl}: consulted only when no policy allowed the request and none
 * denied it, and never on a bucket with ACLs disabled (BucketOwnerEnforced, the default) — so the common path
 * pays nothing. The mapping of actions to ACL permissions follows S3's "Mapping of ACL permissions and access
 * policy permissions": READ on a bucket lists it, WRITE on a bucket creates and deletes its objects, READ on an
 * object reads it, READ_ACP / WRITE_ACP read and write the ACL itself. With IgnorePublicAcls, grants to
 * AllUsers / AuthenticatedUsers count for nothing.
 */
final class AclAuthorization {
    private static final Map<String, AclPermission> BUCKET_ACTIONS = Map.of(
            "s3:ListBucket", AclPermission.READ, "s3:ListBucketVersions", AclPermission.READ,
            "s3:ListBucketMultipartUploads", AclPermission.READ,
            "s3:PutObject", AclPermission.WRITE, "s3:DeleteObject", AclPermission.WRITE,
            "s3:DeleteObjectVersion", AclPermission.WRITE,
            "s3:GetBucketAcl", AclPermission.READ_ACP, "s3:PutBucketAcl", AclPermission.WRITE_ACP);
    private static final Map<String, AclPermission> OBJECT_ACTIONS = Map.of(
            "s3:GetObject", AclPermission.READ, "s3:GetObjectVersion", AclPermission.READ,
            "s3:GetObjectAcl", AclPermission.READ_ACP, "s3:GetObjectVersionAcl", AclPermission.READ_ACP,
            "s3:PutObjectAcl", AclPermission.WRITE_ACP, "s3:PutObjectVersionAcl", AclPermission.WRITE_ACP);

    private final ObjectStore store;

    AclAuthorization(ObjectStore store) {
        this.store = store;
    }

    /**
     * @param key the object the action is on, or null for a bucket action
     * @param versionId the version addressed, or null for the current one
     */
    boolean allows(Identity identity, String action, String bucket, String key, String versionId) {
        if (bucket == null) {
            return false;
        }
        BucketConfig config;
        try {
            config = store.bucket(bucket).config();
        } catch (StorageException e) {
            return false;
        }
        if (!config.effectiveOwnership().aclsEnabled()) {
            return false;
        }
        boolean ignorePublic = config.publicAccessBlock() != null && config.publicAccessBlock().ignorePublicAcls();
        AclPermission bucketPermission = BUCKET_ACTIONS.get(action);
        if (bucketPermission != null) {
            return grants(config.acl(), identity, bucketPermission, ignorePublic);
        }
        AclPermission objectPermission = OBJECT_ACTIONS.get(action);
        if (objectPermission == null || key == null) {
            return false;
        }
        try {
            return grants(store.headObject(bucket, key, versionId).metadata().acl(), identity, objectPermission,
                    ignorePublic);
        } catch (StorageException e) {
            return false;
        }
    }

    private static boolean grants(AccessControlList acl, Identity identity, AclPermission p, boolean ignorePublic) {
        if (acl == null || ignorePublic) {
            // The only grantees that can name a caller other than the owner are the public groups.
            return false;
        }
        boolean authenticated = !(identity instanceof Identity.Anonymous);
        return acl.allows(AclGrant.GranteeType.GROUP, AclGrant.ALL_USERS, p)
                || (authenticated && acl.allows(AclGrant.GranteeType.GROUP, AclGrant.AUTHENTICATED_USERS, p));
    }
}
