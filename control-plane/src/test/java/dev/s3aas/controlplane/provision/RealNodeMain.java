package dev.s3aas.controlplane.provision;

import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.node.Node;
import dev.s3aas.node.NodeConfig;
import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The real node behind {@code node --data-dir DIR --address HOST:PORT}, configured from the environment the
 * provisioner sets, as {@code dev.s3aas.cli.Main node} does (the control plane's tests cannot reach the cli
 * module).
 */
public final class RealNodeMain {
    private RealNodeMain() {}

    public static void main(String[] args) throws Exception {
        NodeArgs parsed = NodeArgs.parseOrExit(args);
        String dataDir = parsed.dataDir();
        String address = parsed.address();
        int colon = address.lastIndexOf(':');
        String serial = System.getenv("S3AAS_ROOT_MFA_SERIAL");
        MfaDevice mfa = serial == null ? null : MfaDevice.ofBase32(serial, System.getenv("S3AAS_ROOT_MFA_SECRET"));
        Node node = Node.start(new NodeConfig(Path.of(dataDir),
                new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                new RootCredentials(System.getenv("S3AAS_ROOT_USER"), System.getenv("S3AAS_ROOT_PASSWORD")),
                "us-east-1", List.of()).withRootMfa(mfa)
                .withTls(TlsFiles.ofOptional(parsed.tlsCert(), parsed.tlsKey(), "--tls-cert", "--tls-key")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("node serving " + node.scheme() + " on " + address
                + (mfa == null ? "" : " with a root MFA device"));
        Thread.currentThread().join();
    }
}
