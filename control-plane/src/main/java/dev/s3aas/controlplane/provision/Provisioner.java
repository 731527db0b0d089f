package dev.s3aas.controlplane.provision;

import dev.s3aas.controlplane.node.NodeEndpoint;
import java.util.List;

/**
 * Creates, watches and removes the data-plane nodes of an instance. Implementations are
 * idempotent and restart-safe: {@link #provision} called again (by a new control-plane process,
 * too) converges to the wanted node count without starting duplicates.
 */
public interface Provisioner extends AutoCloseable {
    /**
     * What the nodes of one instance need: the root credentials and the root account's virtual MFA device
     * (serial and base32 TOTP secret, for MFA delete; both null for none).
     */
    record NodeSpec(String instanceId, int nodesNumber, String version, String rootUser, String rootSecret,
                    String mfaSerial, String mfaSecret) {
        public NodeSpec(String instanceId, int nodesNumber, String version, String rootUser, String rootSecret) {
            this(instanceId, nodesNumber, version, rootUser, rootSecret, null, null);
        }

        @Override
        public String toString() {
            return "NodeSpec[" + instanceId + ", " + nodesNumber + " node(s), version " + version + ", root "
                    + rootUser + ", MFA device " + mfaSerial + ", secrets hidden]";
        }
    }

    enum NodeStatus { STARTING, RUNNING, FAILED, STOPPED }

    /**
     * A node as observed now; {@code detail} explains FAILED. {@code caCertificate} is the PEM of the CA whose
     * certificate the node serves HTTPS with, or null when it serves plain HTTP.
     */
    record ProvisionedNode(String id, String ip, int port, NodeStatus status, String detail, String caCertificate) {
        public ProvisionedNode(String id, String ip, int port, NodeStatus status, String detail) {
            this(id, ip, port, status, detail, null);
        }

        /** Where and how to reach the node. */
        public NodeEndpoint endpoint() {
            return new NodeEndpoint(ip, port, caCertificate);
        }
    }

    /** Ensures {@code spec.nodesNumber()} nodes exist and run; returns them as observed. */
    List<ProvisionedNode> provision(NodeSpec spec) throws ProvisionException;

    /** The instance's nodes as observed, without changing anything. */
    List<ProvisionedNode> observe(String instanceId);

    /** Stops every node of the instance and removes their data. */
    void deprovision(String instanceId) throws ProvisionException;

    /** Stops watching; nodes are left running (see the implementation). */
    @Override
    void close();

    /** Provisioning failed; the message becomes the instance's status reason. */
    final class ProvisionException extends Exception {
        public ProvisionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
