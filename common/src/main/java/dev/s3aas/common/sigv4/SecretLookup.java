package dev.s3aas.common.sigv4;

import java.util.Optional;

/** Finds the secret of an access key; empty means the key does not exist (InvalidAccessKeyId). */
@FunctionalInterface
public interface SecretLookup {
    Optional<String> secretFor(String accessKeyId);
}
