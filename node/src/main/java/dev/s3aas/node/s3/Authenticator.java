package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.AuthResult;
import dev.s3aas.common.sigv4.SigV4Exception;
import dev.s3aas.common.sigv4.SigV4Verifier;
import dev.s3aas.node.auth.CredentialStore;
import dev.s3aas.node.auth.Identity;
import java.time.Clock;

/** Verifies request signatures (SigV4 header/query, SigV2) and resolves the caller's identity. */
final class Authenticator {
    private final SigV4Verifier verifier;
    private final CredentialStore credentials;

    Authenticator(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.verifier = new SigV4Verifier(credentials::secretFor, clock);
    }

    /** Authenticates and records the result on the exchange. */
    void authenticate(S3Exchange ex, JettyRequestView view, Addressing.Target target) throws SigV4Exception {
        AuthResult result = verifier.verify(view, target.virtualHost() ? target.bucket() : null);
        Identity identity = switch (result) {
            case AuthResult.Anonymous a -> Identity.ANONYMOUS;
            case AuthResult.Authenticated a -> credentials.identify(a.accessKeyId());
        };
        ex.authenticated(result, identity);
    }
}
