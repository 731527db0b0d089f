package dev.s3aas.controlplane.api;

import dev.s3aas.controlplane.iam.Principal;

/** Turns a bearer token into the caller, or throws {@link ApiError.Unauthenticated}. */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(String bearerToken);
}
