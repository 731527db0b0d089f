package dev.s3aas.node.auth;

import java.util.Optional;

/** Resolves access keys to secrets and identities. Lookups happen on every request: keep them in memory. */
public interface CredentialStore {
    /** The secret of an active key; empty for unknown, disabled or deleted keys. */
    Optional<String> secretFor(String accessKeyId);

    /** The identity behind a key whose signature was verified. */
    Identity identify(String accessKeyId);
}
