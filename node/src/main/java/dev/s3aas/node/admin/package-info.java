/**
 * The admin API: MinIO's {@code /minio/admin/v3/…} (as {@code madmin-go} and MinIO's Java
 * {@code MinioAdminClient} speak it, payload encryption included) and the same commands under
 * {@code /rustfs/admin/v3/…} with plain JSON bodies. Only the node's root credentials may call it.
 *
 * <h2>Commands</h2>
 * <pre>
 * PUT    add-user?accessKey=             body {secretKey, status, policy|policyName}  (encrypted by MinIO clients)
 * DELETE remove-user?accessKey=
 * GET    list-users                      → {accessKey: UserInfo}                       (encrypted on /minio)
 * GET    user-info?accessKey=            → UserInfo
 * PUT    set-user-status?accessKey=&amp;status=enabled|disabled
 * PUT    add-canned-policy?name=         body: policy JSON
 * DELETE remove-canned-policy?name=
 * GET    list-canned-policies            → {name: policy}
 * GET    info-canned-policy?name=[&amp;v=2] → policy, or with v=2 {PolicyName, Policy, CreateDate, UpdateDate}
 * PUT    set-user-or-group-policy?userOrGroup=&amp;isGroup=false&amp;policyName=a,b
 * POST   idp/builtin/policy/attach       body {policies, user}  → {policiesAttached, updatedAt} (both encrypted on /minio)
 * POST   idp/builtin/policy/detach       body {policies, user}  → {policiesDetached, updatedAt}
 * PUT    add-service-account             body {targetUser, accessKey?, secretKey?, policy?, name?, description?,
 *                                        expiration?} → {credentials}                     (both encrypted on /minio)
 * POST   update-service-account?accessKey= body {newSecretKey?, newPolicy?, newStatus on|off, …}  (encrypted)
 * GET    list-service-accounts?user=     → {accounts: […]}                              (encrypted on /minio)
 * GET    info-service-account?accessKey= → {parentUser, accountStatus, impliedPolicy, policy, …} (encrypted)
 * DELETE delete-service-account?accessKey=
 * PUT    set-bucket-quota?bucket=        body {quota, quotatype: "hard"}; 0 clears
 * GET    get-bucket-quota?bucket=        → {quota, size, quotatype}
 * GET    info                            → madmin.InfoMessage (usage from the storage counters)
 * GET    datausageinfo                   → madmin.DataUsageInfo
 * </pre>
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li>Bodies are accepted encrypted or in plain JSON on both paths (a JSON object is taken as is), so
 *       MinIO and RustFS tooling both work; answers MinIO encrypts are encrypted on the MinIO path only.</li>
 *   <li>add-user creates or updates; MinIO's Java client's {@code policyName} (and madmin's {@code policy})
 *       in its body attach those policies, which saves a round trip for the control plane.</li>
 *   <li>Service accounts need a {@code targetUser}: root's own service accounts are not supported. Missing
 *       keys are generated (20 + 40 characters, as MinIO).</li>
 *   <li>Groups, STS and the rest of MinIO's admin API answer 501 NotImplemented.</li>
 *   <li>A bucket without quota answers {@code {"quota":0}} rather than MinIO's error, so
 *       {@code MinioAdminClient.getBucketQuota} works after {@code clearBucketQuota}. Only hard quotas.</li>
 *   <li>Errors are JSON {@code {"Code","Message","Resource","RequestId"}} with MinIO's admin codes.</li>
 * </ul>
 */
package dev.s3aas.node.admin;
