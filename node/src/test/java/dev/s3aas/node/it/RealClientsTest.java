package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/** Multipart through the tools people actually use: aws cli, the SDK transfer manager, boto3 transfers. */
class RealClientsTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path work;
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = new TestNode(dir);
        node.client().createBucket(b -> b.bucket("tools"));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static Path randomFile(String name, long size, long seed) throws Exception {
        Path p = work.resolve(name);
        Random r = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
        return p;
    }

    static String sha256(Path p) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static String run(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestNode.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestNode.SECRET_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void awsCliCopiesTwoHundredMebibytesUpAndBack() throws Exception {
        Path aws = Path.of("/usr/bin/aws");
        assertThat(aws).as("Debian awscli (apt-get install awscli)").exists();
        Path src = randomFile("cli-up.bin", 200L << 20, 1);
        Path back = work.resolve("cli-down.bin");
        String endpoint = node.endpoint().toString();
        run(new ProcessBuilder(aws.toString(), "--endpoint-url", endpoint, "s3", "cp", src.toString(), "s3://tools/cli.bin"));
        run(new ProcessBuilder(aws.toString(), "--endpoint-url", endpoint, "s3", "cp", "s3://tools/cli.bin", back.toString()));
        assertThat(sha256(back)).isEqualTo(sha256(src));
        assertThat(node.client().headObject(b -> b.bucket("tools").key("cli.bin")).eTag()).contains("-");
        Files.delete(src);
        Files.delete(back);
    }

    @Test
    void sdkTransferManagerUploadsAndDownloadsALargeFile() throws Exception {
        Path src = randomFile("tm-up.bin", 70L << 20, 2);
        Path back = work.resolve("tm-down.bin");
        try (S3AsyncClient async = S3AsyncClient.builder()
                .endpointOverride(node.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestNode.ACCESS_KEY, TestNode.SECRET_KEY)))
                .forcePathStyle(true)
                .multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(16L << 20).minimumPartSizeInBytes(16L << 20))
                .build();
             S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            tm.uploadFile(u -> u.source(src).putObjectRequest(p -> p.bucket("tools").key("tm.bin")))
                    .completionFuture().join();
            tm.downloadFile(d -> d.destination(back).getObjectRequest(g -> g.bucket("tools").key("tm.bin")))
                    .completionFuture().join();
        }
        assertThat(sha256(back)).isEqualTo(sha256(src));
        assertThat(node.client().headObject(b -> b.bucket("tools").key("tm.bin")).eTag()).endsWith("-5\"");
    }

    @Test
    void debianBoto3ManagedTransfers() throws Exception {
        assertThat(Path.of(Pythons.DEBIAN)).exists();
        boto3Transfer(Pythons.DEBIAN, "boto3-debian");
    }

    @Test
    void modernBoto3ManagedTransfers() throws Exception {
        String python = Pythons.modern();
        Assumptions.assumeTrue(python != null, "no modern boto3 on this machine");
        boto3Transfer(python, "boto3-modern");
    }

    private static void boto3Transfer(String python, String bucket) throws Exception {
        Path script = Path.of("src/test/python/transfer_check.py");
        ProcessBuilder pb = new ProcessBuilder(python, script.toString());
        pb.environment().put("S3AAS_ENDPOINT", node.endpoint().toString());
        pb.environment().put("S3AAS_ACCESS_KEY", TestNode.ACCESS_KEY);
        pb.environment().put("S3AAS_SECRET_KEY", TestNode.SECRET_KEY);
        pb.environment().put("S3AAS_BUCKET", bucket);
        Path w = Files.createDirectories(work.resolve(bucket));
        pb.environment().put("S3AAS_WORK_DIR", w.toString());
        assertThat(run(pb)).contains("transfer ok");
    }
}
