package dev.s3aas.common.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The actions a policy may name. An action (or an action pattern with wildcards) that matches none of
 * these is rejected at parse time, so a typo such as {@code s3:GetObjet} cannot silently grant nothing.
 *
 * <p>S3 actions follow "Actions, resources, and condition keys for Amazon S3" in the AWS Service
 * Authorization Reference, plus the few extra names MinIO accepts ({@code s3:ListenBucketNotification},
 * {@code s3:HeadBucket}, …) so that MinIO policies keep working here. {@code admin:*} and {@code kms:*}
 * are MinIO's administrative and KMS actions (MinIO "Access Management" docs, built-in policies).
 */
final class ActionCatalog {

    static final List<String> S3 = List.of(
            "s3:AbortMultipartUpload", "s3:BypassGovernanceRetention", "s3:CreateAccessPoint",
            "s3:CreateAccessPointForObjectLambda", "s3:CreateBucket", "s3:CreateJob",
            "s3:CreateMultiRegionAccessPoint", "s3:DeleteAccessPoint", "s3:DeleteAccessPointForObjectLambda",
            "s3:DeleteAccessPointPolicy", "s3:DeleteAccessPointPolicyForObjectLambda", "s3:DeleteBucket",
            "s3:DeleteBucketOwnershipControls", "s3:DeleteBucketPolicy", "s3:DeleteBucketWebsite",
            "s3:DeleteJobTagging", "s3:DeleteMultiRegionAccessPoint", "s3:DeleteObject",
            "s3:DeleteObjectTagging", "s3:DeleteObjectVersion", "s3:DeleteObjectVersionTagging",
            "s3:DeleteStorageLensConfiguration", "s3:DeleteStorageLensConfigurationTagging", "s3:DescribeJob",
            "s3:DescribeMultiRegionAccessPointOperation", "s3:GetAccelerateConfiguration", "s3:GetAccessPoint",
            "s3:GetAccessPointConfigurationForObjectLambda", "s3:GetAccessPointForObjectLambda",
            "s3:GetAccessPointPolicy", "s3:GetAccessPointPolicyForObjectLambda", "s3:GetAccessPointPolicyStatus",
            "s3:GetAccessPointPolicyStatusForObjectLambda", "s3:GetAccountPublicAccessBlock",
            "s3:GetAnalyticsConfiguration", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketLocation",
            "s3:GetBucketLogging", "s3:GetBucketNotification", "s3:GetBucketObjectLockConfiguration",
            "s3:GetBucketOwnershipControls", "s3:GetBucketPolicy", "s3:GetBucketPolicyStatus",
            "s3:GetBucketPublicAccessBlock", "s3:GetBucketRequestPayment", "s3:GetBucketTagging",
            "s3:GetBucketVersioning", "s3:GetBucketWebsite", "s3:GetEncryptionConfiguration",
            "s3:GetIntelligentTieringConfiguration", "s3:GetInventoryConfiguration", "s3:GetJobTagging",
            "s3:GetLifecycleConfiguration", "s3:GetMetricsConfiguration", "s3:GetMultiRegionAccessPoint",
            "s3:GetMultiRegionAccessPointPolicy", "s3:GetMultiRegionAccessPointPolicyStatus",
            "s3:GetMultiRegionAccessPointRoutes", "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectAttributes",
            "s3:GetObjectLegalHold", "s3:GetObjectRetention", "s3:GetObjectTagging", "s3:GetObjectTorrent",
            "s3:GetObjectVersion", "s3:GetObjectVersionAcl", "s3:GetObjectVersionAttributes",
            "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTagging", "s3:GetObjectVersionTorrent",
            "s3:GetReplicationConfiguration", "s3:GetStorageLensConfiguration",
            "s3:GetStorageLensConfigurationTagging", "s3:GetStorageLensDashboard", "s3:InitiateReplication",
            "s3:ListAccessPoints", "s3:ListAccessPointsForObjectLambda", "s3:ListAllMyBuckets", "s3:ListBucket",
            "s3:ListBucketMultipartUploads", "s3:ListBucketVersions", "s3:ListJobs",
            "s3:ListMultiRegionAccessPoints", "s3:ListMultipartUploadParts", "s3:ListStorageLensConfigurations",
            "s3:ObjectOwnerOverrideToBucketOwner", "s3:PutAccelerateConfiguration",
            "s3:PutAccessPointConfigurationForObjectLambda", "s3:PutAccessPointPolicy",
            "s3:PutAccessPointPolicyForObjectLambda", "s3:PutAccessPointPublicAccessBlock",
            "s3:PutAccountPublicAccessBlock", "s3:PutAnalyticsConfiguration", "s3:PutBucketAcl",
            "s3:PutBucketCORS", "s3:PutBucketLogging", "s3:PutBucketNotification",
            "s3:PutBucketObjectLockConfiguration", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy",
            "s3:PutBucketPublicAccessBlock", "s3:PutBucketRequestPayment", "s3:PutBucketTagging",
            "s3:PutBucketVersioning", "s3:PutBucketWebsite", "s3:PutEncryptionConfiguration",
            "s3:PutIntelligentTieringConfiguration", "s3:PutInventoryConfiguration", "s3:PutJobTagging",
            "s3:PutLifecycleConfiguration", "s3:PutMetricsConfiguration", "s3:PutMultiRegionAccessPointPolicy",
            "s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectLegalHold", "s3:PutObjectRetention",
            "s3:PutObjectTagging", "s3:PutObjectVersionAcl", "s3:PutObjectVersionTagging",
            "s3:PutReplicationConfiguration", "s3:PutStorageLensConfiguration",
            "s3:PutStorageLensConfigurationTagging", "s3:ReplicateDelete", "s3:ReplicateObject",
            "s3:ReplicateTags", "s3:RestoreObject", "s3:SubmitMultiRegionAccessPointRoutes",
            "s3:UpdateJobPriority", "s3:UpdateJobStatus",
            // Accepted by MinIO but not by AWS.
            "s3:HeadBucket", "s3:ListenBucketNotification", "s3:ListenNotification",
            "s3:ResetBucketReplicationState");

    static final List<String> ADMIN = List.of(
            "admin:Heal", "admin:StorageInfo", "admin:DataUsageInfo", "admin:TopLocksInfo", "admin:Profiling",
            "admin:ServerTrace", "admin:ConsoleLog", "admin:KMSCreateKey", "admin:KMSKeyStatus",
            "admin:ServerInfo", "admin:OBDInfo", "admin:HealthInfo", "admin:LicenseInfo", "admin:ServerUpdate",
            "admin:ServiceRestart", "admin:ServiceStop", "admin:ServiceFreeze", "admin:ConfigUpdate",
            "admin:CreateUser", "admin:DeleteUser", "admin:ListUsers", "admin:EnableUser", "admin:DisableUser",
            "admin:GetUser", "admin:AddUserToGroup", "admin:RemoveUserFromGroup", "admin:GetGroup",
            "admin:ListGroups", "admin:EnableGroup", "admin:DisableGroup", "admin:CreatePolicy",
            "admin:DeletePolicy", "admin:GetPolicy", "admin:AttachUserOrGroupPolicy", "admin:ListUserPolicies",
            "admin:CreateServiceAccount", "admin:UpdateServiceAccount", "admin:RemoveServiceAccount",
            "admin:ListServiceAccounts", "admin:ListTemporaryAccounts", "admin:SetBucketQuota",
            "admin:GetBucketQuota", "admin:SetBucketTarget", "admin:GetBucketTarget", "admin:SetTier",
            "admin:ListTier", "admin:BandwidthMonitor", "admin:Prometheus", "admin:ReplicationDiff",
            "admin:ExportIAM", "admin:ImportIAM", "admin:ExportBucketMetadata", "admin:ImportBucketMetadata",
            "admin:SiteReplicationAdd", "admin:SiteReplicationDisable", "admin:SiteReplicationRemove",
            "admin:SiteReplicationResync", "admin:SiteReplicationInfo", "admin:SiteReplicationOperation",
            "admin:ForceUnlock", "admin:Rebalance", "admin:Decommission", "admin:ListBatchJobs",
            "admin:DescribeBatchJob", "admin:StartBatchJob", "admin:CancelBatchJob");

    static final List<String> KMS = List.of(
            "kms:Status", "kms:Metrics", "kms:API", "kms:Version", "kms:CreateKey", "kms:DeleteKey",
            "kms:ImportKey", "kms:ListKeys", "kms:KeyStatus");

    static final List<String> ALL = Stream.of(S3, ADMIN, KMS).flatMap(List::stream).toList();

    private static final Set<String> KNOWN = Set.copyOf(ALL);
    private static final Map<String, String> CANONICAL_BY_LOWER = new HashMap<>();

    static {
        for (String a : ALL) {
            CANONICAL_BY_LOWER.put(a.toLowerCase(Locale.ROOT), a);
        }
    }

    private ActionCatalog() {
    }

    /**
     * The catalogue's spelling of {@code action}, or null if it is not a known action. Actions are
     * case-insensitive (IAM JSON policy elements: Action), so {@code S3:getobject} is {@code s3:GetObject}.
     * The common case, a caller passing the canonical spelling, costs one hash lookup and no allocation.
     */
    static String canonical(String action) {
        if (KNOWN.contains(action)) {
            return action;
        }
        return CANONICAL_BY_LOWER.get(action.toLowerCase(Locale.ROOT));
    }

    static boolean isKnown(String action) {
        return KNOWN.contains(action);
    }

    static boolean isS3(String action) {
        return action.regionMatches(true, 0, "s3:", 0, 3);
    }
}
