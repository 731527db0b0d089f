/**
 * The node's identities: IAM users (one per access key) and named policies, kept in memory and persisted in
 * the metadata store's {@code iam} column family ({@link dev.s3aas.node.storage.MetadataTable}).
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li>A user is its access key, as in MinIO and RustFS; its name for policies ({@code ${aws:username}},
 *       Principal) is the access key too. The control plane creates one node user per key of a logical user
 *       and attaches the logical user's policies to each.</li>
 *   <li>Unknown, deleted and disabled keys all fail authentication with {@code InvalidAccessKeyId}, as MinIO
 *       answers for a disabled account; a key deleted or disabled between signature check and authorization
 *       has no policies and is denied.</li>
 *   <li>Canned policies ({@code readwrite}, {@code readonly}, {@code writeonly}, {@code diagnostics},
 *       {@code consoleAdmin}) are built in, read-only and always listed. Custom policies are validated as
 *       identity policies; one still attached to a user cannot be removed (detach it first).</li>
 *   <li>Attaching a policy that does not exist is refused; attach/detach that change nothing are refused
 *       like MinIO's {@code XMinioAdminPolicyChangeAlreadyApplied}.</li>
 *   <li>Service accounts (MinIO's extra keys of a user) act with their parent's policies as they are at each
 *       request, narrowed by their own session policy if they have one (both must allow); they act as the
 *       parent for {@code ${aws:username}}; they stop working while the parent is disabled, at their
 *       expiration, and are removed with the parent. They are not listed as users.</li>
 *   <li>Secrets are stored as given: SigV4 needs the secret itself as HMAC key.</li>
 * </ul>
 */
package dev.s3aas.node.iam;
