/**
 * The AWS IAM policy language: parse, validate and evaluate identity policies and bucket policies.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link dev.s3aas.common.policy.PolicyDocument#parse(String, PolicyValidation)} parses once, when a
 *       policy is stored or loaded, and throws {@link dev.s3aas.common.policy.MalformedPolicyException} with
 *       a message naming the element at fault (statement indexes count from 0).</li>
 *   <li>{@link dev.s3aas.common.policy.AccessRequest} is built per request from the action, the resource ARN,
 *       the {@link dev.s3aas.common.policy.RequestPrincipal} and a
 *       {@link dev.s3aas.common.policy.ConditionContext}.</li>
 *   <li>{@link dev.s3aas.common.policy.PolicyEvaluator#isAllowed} gives the final answer;
 *       {@code evaluateIdentity} / {@code evaluateResource} give the {@link dev.s3aas.common.policy.Decision}
 *       of each side; {@code isPublic} answers GetBucketPolicyStatus.</li>
 *   <li>{@link dev.s3aas.common.policy.CannedPolicies} holds MinIO's built-in policies.</li>
 * </ul>
 *
 * <h2>Choices where AWS leaves room or this system differs</h2>
 * <ul>
 *   <li>Actions must be known: each action (pattern) must match an S3 action of the Service Authorization
 *       Reference or one of MinIO's {@code admin:} / {@code kms:} actions. Bucket policies may only name S3
 *       actions. A statement may omit Resource only if all its actions are {@code admin:} / {@code kms:},
 *       as MinIO's consoleAdmin policy does.</li>
 *   <li>Resources are {@code "*"} or {@code arn:aws:s3:::…}; a bucket policy may only name its own bucket
 *       and the objects in it. Requests about no bucket use {@link dev.s3aas.common.policy.AccessRequest#ANY_BUCKET_ARN}.</li>
 *   <li>Principals: users are matched by name, by IAM user ARN in any account, or by access key id.
 *       Account, role, Service and Federated principals are accepted but match no one. Partial wildcards in
 *       principals are rejected, as in IAM.</li>
 *   <li>A document without Version is version 2008-10-17 (the IAM default), where {@code ${…}} is literal.</li>
 *   <li>Condition keys are accepted whatever their name (as {@code prefix:name}); operators and values are
 *       checked strictly. Key names are case-insensitive except a tag key after the first {@code /}.</li>
 *   <li>An unresolvable policy variable makes the statement not apply, even a Deny.</li>
 *   <li>Documents are limited to 20 KiB for both kinds; duplicate non-empty Sids are rejected.</li>
 * </ul>
 * The condition rules are written down on {@link dev.s3aas.common.policy.Condition}, the public-ness rules
 * on {@link dev.s3aas.common.policy.PublicPolicyCheck}.
 */
package dev.s3aas.common.policy;
