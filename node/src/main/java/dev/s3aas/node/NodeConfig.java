package dev.s3aas.node;

import dev.s3aas.common.tls.TlsFiles;
import dev.s3aas.node.auth.MfaDevice;
import dev.s3aas.node.auth.RootCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration of one data-plane node.
 *
 * @param domains domains for virtual-hosted-style requests ({@code bucket.<domain>}); path style always works
 * @param sseKeyFile the SSE-S3 master key file (created if absent); default {@code <dataDir>/sse-master.key}
 * @param rootMfa the root account's virtual MFA device (for MFA delete), or null when it has none
 * @param lifecycleInterval how often the lifecycle worker passes over the buckets with rules; default
 *                          {@link #DEFAULT_LIFECYCLE_INTERVAL} (rules count whole days, so hourly is prompt enough)
 * @param sseCOverHttp accept SSE-C keys on plain HTTP (as RGW's {@code rgw crypt require ssl = false}): only for a
 *                     node behind a TLS-terminating proxy, or tests; otherwise such requests are refused
 * @param readyMaxDiskUsed {@code /ready} answers 503 once the data file system is used more than this share
 *                         (default {@link #DEFAULT_READY_MAX_DISK_USED})
 * @param metrics who may read {@code /metrics} (default {@link MetricsAccess#TOKEN})
 * @param tls the certificate and key to serve HTTPS with (TLS 1.2+, reloaded when the files change), or null
 *            for plain HTTP. Over HTTPS, SSE-C keys are accepted whatever {@code sseCOverHttp} says.
 * @param scrub the background scrub's pace (default {@link Scrub#DEFAULT})
 */
public record NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                         List<String> domains, Path sseKeyFile, MfaDevice rootMfa, Duration lifecycleInterval,
                         boolean sseCOverHttp, double readyMaxDiskUsed, MetricsAccess metrics,
                         TlsFiles tls, Scrub scrub) {
    public static final Duration DEFAULT_LIFECYCLE_INTERVAL = Duration.ofHours(1);
    public static final double DEFAULT_READY_MAX_DISK_USED = 0.95;

    /**
     * The background scrub (checking stored data against its checksums).
     *
     * @param rateBytesPerSecond how fast a pass reads; 0 turns scrubbing off
     * @param interval time between the end of one full pass and the start of the next
     */
    public record Scrub(long rateBytesPerSecond, Duration interval) {
        /** 32 MiB/s: a full pass of 1 TiB takes about 9 hours and leaves the disk to clients. */
        public static final Scrub DEFAULT = new Scrub(32L << 20, Duration.ofHours(24));

        public Scrub {
            if (rateBytesPerSecond < 0) {
                throw new IllegalArgumentException("scrub rate must not be negative");
            }
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("scrub interval must be positive");
            }
        }
    }

    public NodeConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("data dir is required");
        }
        if (region == null || region.isBlank()) {
            region = "us-east-1";
        }
        domains = domains == null ? List.of() : List.copyOf(domains);
        sseKeyFile = sseKeyFile == null ? dataDir.resolve("sse-master.key") : sseKeyFile;
        lifecycleInterval = lifecycleInterval == null ? DEFAULT_LIFECYCLE_INTERVAL : lifecycleInterval;
        if (lifecycleInterval.isNegative() || lifecycleInterval.isZero()) {
            throw new IllegalArgumentException("lifecycle interval must be positive");
        }
        metrics = metrics == null ? MetricsAccess.TOKEN : metrics;
        scrub = scrub == null ? Scrub.DEFAULT : scrub;
        readyMaxDiskUsed = readyMaxDiskUsed == 0 ? DEFAULT_READY_MAX_DISK_USED : readyMaxDiskUsed;
        if (!(readyMaxDiskUsed > 0 && readyMaxDiskUsed <= 1)) {
            throw new IllegalArgumentException("the readiness disk-usage threshold must be in (0, 1]");
        }
    }

    public NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                      List<String> domains, Path sseKeyFile, MfaDevice rootMfa) {
        this(dataDir, address, root, region, domains, sseKeyFile, rootMfa, null, false, 0, null, null, null);
    }

    public NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                      List<String> domains, Path sseKeyFile) {
        this(dataDir, address, root, region, domains, sseKeyFile, null, null, false, 0, null, null, null);
    }

    public NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                      List<String> domains) {
        this(dataDir, address, root, region, domains, null, null, null, false, 0, null, null, null);
    }

    public NodeConfig withRootMfa(MfaDevice device) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, device, lifecycleInterval,
                sseCOverHttp, readyMaxDiskUsed, metrics, tls, scrub);
    }

    public NodeConfig withLifecycleInterval(Duration interval) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, interval, sseCOverHttp,
                readyMaxDiskUsed, metrics, tls, scrub);
    }

    public NodeConfig withSseCOverHttp(boolean allowed) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval, allowed,
                readyMaxDiskUsed, metrics, tls, scrub);
    }

    /** @param share the used share of the data file system above which {@code /ready} answers 503, in (0, 1] */
    public NodeConfig withReadyMaxDiskUsed(double share) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval,
                sseCOverHttp, share, metrics, tls, scrub);
    }

    public NodeConfig withMetrics(MetricsAccess access) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval,
                sseCOverHttp, readyMaxDiskUsed, access, tls, scrub);
    }

    /** @param files the certificate and key to serve HTTPS with, or null for plain HTTP */
    public NodeConfig withTls(TlsFiles files) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval,
                sseCOverHttp, readyMaxDiskUsed, metrics, files, scrub);
    }

    public NodeConfig withScrub(Scrub settings) {
        return new NodeConfig(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval,
                sseCOverHttp, readyMaxDiskUsed, metrics, tls, settings);
    }

    /** The form without scrub settings (the default pace). */
    public NodeConfig(Path dataDir, InetSocketAddress address, RootCredentials root, String region,
                      List<String> domains, Path sseKeyFile, MfaDevice rootMfa, Duration lifecycleInterval,
                      boolean sseCOverHttp, double readyMaxDiskUsed, MetricsAccess metrics, TlsFiles tls) {
        this(dataDir, address, root, region, domains, sseKeyFile, rootMfa, lifecycleInterval, sseCOverHttp,
                readyMaxDiskUsed, metrics, tls, null);
    }
}
