package dev.s3aas.controlplane.ceph;

import dev.s3aas.controlplane.cluster.Capabilities;
import dev.s3aas.controlplane.cluster.Capabilities.Support;
import dev.s3aas.controlplane.cluster.Capability;
import dev.s3aas.controlplane.cluster.Cluster;
import dev.s3aas.controlplane.cluster.ClusterProbe;
import dev.s3aas.controlplane.cluster.GatewayHealth;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.crypto.Secrets;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.S3BucketClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterProbe} for Ceph. Health: every gateway ({@link GatewayCheck}), the admin API with the
 * registered keys, and the mgr's health when a Prometheus endpoint is registered. Capabilities: tried for
 * real in a scratch tenant {@code s3aasprobe<random>} — a user, a bucket with object lock, versioning, a
 * bucket quota, default encryption, MFA delete, an inline user policy and a bucket policy — which is
 * removed again whatever happens.
 */
public final class CephProbe implements ClusterProbe {
    private static final Logger LOG = LoggerFactory.getLogger(CephProbe.class);

    private final CephClients clients;
    private final SecretBox secrets;
    private final Clock clock;

    public CephProbe(CephClients clients, SecretBox secrets, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Health health(Cluster cluster) {
        List<GatewayHealth> gateways = new ArrayList<>();
        for (var g : cluster.gateways()) {
            gateways.add(GatewayCheck.check(clients.http(), g, clock));
        }
        String adminProblem = gateways.stream().filter(GatewayHealth::healthy).findFirst()
                .map(g -> adminProblem(cluster, g))
                .orElse("no gateway reachable");
        CephHealth ceph = cluster.prometheusUrl() == null ? CephHealth.UNKNOWN
                : MgrHealth.read(clients.http(), cluster.prometheusUrl());
        return new Health(gateways, adminProblem, ceph);
    }

    private String adminProblem(Cluster cluster, GatewayHealth gateway) {
        try {
            clients.admin(cluster, gateway.url(), secrets).ping();
            return "";
        } catch (NodeException e) {
            return "admin API at " + gateway.url() + ": " + e.getMessage()
                    + " (the admin user needs the caps " + CephClients.ADMIN_CAPS + ")";
        }
    }

    @Override
    public Capabilities capabilities(Cluster cluster) {
        GatewayHealth gw = cluster.gateways().stream().map(g -> GatewayCheck.check(clients.http(), g, clock))
                .filter(GatewayHealth::healthy).findFirst().orElse(null);
        if (gw == null) {
            return Capabilities.UNKNOWN;
        }
        RgwAdmin admin = clients.admin(cluster, gw.url(), secrets);
        Tenant scratch = new Tenant("s3aasprobe" + Secrets.password(10).toLowerCase(Locale.ROOT));
        String uid = scratch.uid("probe");
        String accessKey = Secrets.accessKeyId();
        String secret = Secrets.secretKey();
        Map<Capability, Support> found = new EnumMap<>(Capability.class);
        try {
            admin.createUser(uid, "s3aas capability probe", 1);
            admin.addKey(uid, accessKey, secret);
            S3BucketClient s3 = clients.s3(gw.url(), accessKey, secret);
            String bucket = "probe";
            found.put(Capability.OBJECT_LOCK, attempt(() -> s3.ensureBucket(bucket, true)));
            if (!found.get(Capability.OBJECT_LOCK).supported()) {
                s3.ensureBucket(bucket, false);
            }
            found.put(Capability.VERSIONING, attempt(() -> s3.setVersioning(bucket, true, false, null)));
            found.put(Capability.QUOTA, attempt(() -> admin.setBucketQuota(uid, bucket, 1 << 20)));
            found.put(Capability.ENCRYPTION, explained(attempt(() -> s3.setEncryption(bucket, true)),
                    "the gateways refuse PutBucketEncryption: RGW's SSE-S3 needs a key backend "
                    + "(rgw crypt sse s3 backend = vault); the gateway said "));
            // RGW creates MFA devices with radosgw-admin only: no admin-API call can give the tenant one.
            found.put(Capability.MFA_DELETE, Support.no("RGW's MFA devices can only be created with radosgw-admin "
                    + "on the cluster; its admin API has no call for them"));
            found.put(Capability.POLICIES, attempt(() -> {
                admin.putUserPolicy(uid, "probe", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::probe/*\"]}]}");
                s3.setPublic(bucket, true);
            }));
        } catch (NodeException e) {
            LOG.warn("cluster {}: capability probe failed: {}", cluster.name(), e.getMessage());
            for (Capability c : Capability.values()) {
                found.putIfAbsent(c, Support.no("probe failed: " + e.getMessage()));
            }
        } finally {
            cleanUp(admin, scratch, uid);
        }
        return new Capabilities(found);
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws NodeException;
    }

    private static Support attempt(Attempt a) throws NodeException {
        try {
            a.run();
            return Support.yes();
        } catch (NodeException.Unreachable e) {
            throw e;
        } catch (NodeException e) {
            return Support.no(e.getMessage());
        }
    }

    /** RGW 16 answers an unsupported configuration with a stale error code, so the reason says what it means. */
    private static Support explained(Support s, String meaning) {
        return s.supported() ? s : Support.no(meaning + "'" + s.reason() + "'");
    }

    private void cleanUp(RgwAdmin admin, Tenant scratch, String uid) {
        try {
            admin.deleteBucket(scratch.name(), "probe", true);
            admin.deleteUser(uid, true);
        } catch (NodeException e) {
            LOG.warn("capability probe: could not remove the scratch tenant {}: {}", scratch.name(), e.getMessage());
        }
    }
}
