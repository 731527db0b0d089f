/**
 * Virtual MFA devices as S3's MFA delete uses them: time-based one-time passwords ({@link
 * dev.s3aas.common.mfa.Totp}, RFC 6238 over HMAC-SHA1) and the base32 secrets authenticator apps
 * exchange ({@link dev.s3aas.common.mfa.Base32}, RFC 4648). Shared by the node, which verifies codes,
 * and the control plane, which generates secrets and computes codes for its own requests.
 */
package dev.s3aas.common.mfa;
