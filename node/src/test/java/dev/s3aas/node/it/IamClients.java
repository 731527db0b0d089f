package dev.s3aas.node.it;

import io.minio.MinioClient;
import io.minio.admin.MinioAdminClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Clients and helpers shared by the IAM, bucket policy, quota and admin API tests. */
final class IamClients {
    private IamClients() {}

    /** MinIO's admin client as its users build it: endpoint and root credentials, nothing else. */
    static MinioAdminClient admin(TestNode node) {
        return MinioAdminClient.builder().endpoint(node.endpoint().toString())
                .credentials(TestNode.ACCESS_KEY, TestNode.SECRET_KEY).build();
    }

    static MinioClient minio(TestNode node, String accessKey, String secretKey) {
        return MinioClient.builder().endpoint(node.endpoint().toString()).credentials(accessKey, secretKey).build();
    }

    /** A signed admin request sent byte for byte (for calls MinioAdminClient does not have). */
    static RawHttp.Response adminCall(TestNode node, String method, String path, String query, byte[] body,
                                      String accessKey, String secretKey) throws IOException {
        byte[] b = body == null ? new byte[0] : body;
        return new RawHttp(node.port()).signed(method, path, query, List.of(), b, RawHttp.sha256Hex(b),
                Instant.now(), accessKey, secretKey);
    }

    static RawHttp.Response rootCall(TestNode node, String method, String path, String query, String body)
            throws IOException {
        return adminCall(node, method, path, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
    }

    /** The S3 error code of an AWS SDK failure. */
    static String code(Throwable t) {
        return t instanceof AwsServiceException e ? e.awsErrorDetails().errorCode() : t.toString();
    }
}
