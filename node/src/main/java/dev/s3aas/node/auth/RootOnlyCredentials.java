package dev.s3aas.node.auth;

import java.util.Optional;

/** A credential store that knows only the root credentials. */
public final class RootOnlyCredentials implements CredentialStore {
    private final RootCredentials root;

    public RootOnlyCredentials(RootCredentials root) {
        this.root = root;
    }

    @Override
    public Optional<String> secretFor(String accessKeyId) {
        return root.accessKeyId().equals(accessKeyId) ? Optional.of(root.secretKey()) : Optional.empty();
    }

    @Override
    public Identity identify(String accessKeyId) {
        return new Identity.Root(accessKeyId);
    }
}
