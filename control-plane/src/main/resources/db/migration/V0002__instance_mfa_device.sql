-- The instance root's virtual MFA device (MFA delete): its base32 TOTP secret, sealed with the master key
-- like root_secret. NULL until first needed; rows older than this migration get one lazily.
ALTER TABLE instances ADD COLUMN mfa_secret TEXT;
