package dev.s3aas.controlplane.instance;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.View;
import dev.s3aas.controlplane.db.Ids;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An S3 instance as stored: desired configuration plus the reconciler's status. The root secret is
 * kept encrypted ({@code rootSecretSealed}) and never leaves the server.
 */
public record Instance(
        String uuid,
        String projectId,
        String name,
        String description,
        String versionId,
        String versionName,
        String clusterId,
        String clusterName,
        String bucketName,
        Encryption encryption,
        boolean versioning,
        boolean mfaDelete,
        int cpu,
        int ram,
        int diskSize,
        int nodesNumber,
        InstanceStatus status,
        String statusReason,
        String rootUser,
        String rootSecretSealed,
        long generation,
        long observedGeneration,
        long createdAt,
        long updatedAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public Instance {
        checkName(name);
        checkRange("cpu", cpu, 1, 256);
        checkRange("ram", ram, 128, 4 * 1024 * 1024);
        checkRange("disk_size", diskSize, 1, 1024 * 1024);
        checkRange("nodes_number", nodesNumber, 1, 16);
        if (description.length() > 1024) {
            throw ApiError.invalid("description", "description is limited to 1024 characters");
        }
    }

    /** "none" (no server-side encryption) or "aes256" (SSE-S3 default encryption on every bucket). */
    public enum Encryption {
        NONE("none"), AES256("aes256");

        private final String external;

        Encryption(String external) {
            this.external = external;
        }

        public String external() {
            return external;
        }

        public static Encryption parse(String s) {
            for (Encryption e : values()) {
                if (e.external.equals(s)) {
                    return e;
                }
            }
            throw ApiError.invalid("encryption", "encryption must be \"none\" or \"aes256\"");
        }
    }

    /**
     * A data-plane node as reported to clients: a local node (status of the process) or a cluster's gateway
     * (HEALTHY / UNREACHABLE); {@code url} is where S3 clients reach it.
     */
    public record NodeView(String id, String ip, int port, String status, String url) {
        public NodeView(String id, String ip, int port, String status) {
            this(id, ip, port, status, "http://" + ip + ":" + port);
        }

        boolean serving() {
            return "RUNNING".equals(status) || "HEALTHY".equals(status);
        }

        /** True when the node serves HTTPS with a certificate of the control plane's node CA (local nodes only). */
        public boolean https() {
            return url.startsWith("https://");
        }
    }

    /** True when the instance runs on a registered cluster rather than on local nodes. */
    public boolean onCluster() {
        return clusterId != null;
    }

    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || Ids.looksLikeUuid(name)) {
            throw ApiError.invalid("name", "name must be 1-63 letters, digits, '.', '_' or '-', start with a letter or digit, and not be a UUID");
        }
        return name;
    }

    private static void checkRange(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw ApiError.invalid(field, field + " must be between " + min + " and " + max);
        }
    }

    public Instance withStatus(InstanceStatus newStatus, String reason) {
        return new Instance(uuid, projectId, name, description, versionId, versionName, clusterId, clusterName,
                bucketName, encryption,
                versioning, mfaDelete, cpu, ram, diskSize, nodesNumber, newStatus, reason, rootUser, rootSecretSealed,
                generation, observedGeneration, createdAt, updatedAt);
    }

    /** @param caCertificate the PEM of the CA that issued the nodes' certificates, null when they serve plain HTTP */
    public Map<String, Object> view(List<NodeView> nodes, String caCertificate) {
        // The first node that serves; with none serving, the first one (clients may retry it).
        String endpoint = nodes.stream().filter(NodeView::serving).findFirst()
                .or(() -> nodes.stream().findFirst()).map(NodeView::url).orElse(null);
        return View.of(uuid)
                .put("name", name).put("description", description)
                .put("version", versionName).put("cluster", clusterName).put("bucket_name", bucketName)
                .put("encryption", encryption.external()).put("versioning", versioning).put("mfa_delete", mfaDelete)
                .put("cpu", cpu).put("ram", ram).put("disk_size", diskSize).put("nodes_number", nodesNumber)
                .put("status", status.name()).put("status_reason", statusReason).put("kind", "s3")
                .put("nodes", nodes).put("endpoint", endpoint).put("ca_certificate", caCertificate)
                .put("generation", generation).put("observed_generation", observedGeneration)
                .end(projectId, createdAt, updatedAt);
    }
}
