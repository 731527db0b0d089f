package dev.s3aas.node;

import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Configuration of one data-plane node.
 *
 * @param domains domains for virtual-hosted-style requests ({@code bucket.<domain>}); path style always works
 */
public record NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                         List<String> domains) {
    public NodeConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data dir is required");
        }
        if (region == null || region.isBlank()) {
            region = "us-east-1";
        }
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
