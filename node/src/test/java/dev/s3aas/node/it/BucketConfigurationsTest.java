package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.Protocol;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket configurations a node stores (website) and those it never has (logging, notifications, requester pays,
 * acceleration, replication): reads answer what S3 answers for a bucket without them, never 501.
 */
class BucketConfigurationsTest extends NodeTestBase {
    @BeforeAll
    static void setUp() {
        s3.createBucket(b -> b.bucket("conf"));
    }

    @Test
    void websiteConfigurationIsStoredAndReturned() {
        assertCode(() -> s3.getBucketWebsite(b -> b.bucket("conf")), 404, "NoSuchWebsiteConfiguration");
        s3.putBucketWebsite(b -> b.bucket("conf").websiteConfiguration(w -> w
                .indexDocument(i -> i.suffix("index.html")).errorDocument(e -> e.key("error.html"))));
        var got = s3.getBucketWebsite(b -> b.bucket("conf"));
        assertThat(got.indexDocument().suffix()).isEqualTo("index.html");
        assertThat(got.errorDocument().key()).isEqualTo("error.html");

        s3.putBucketWebsite(b -> b.bucket("conf").websiteConfiguration(w -> w
                .redirectAllRequestsTo(r -> r.hostName("example.com").protocol(Protocol.HTTPS))));
        var redirect = s3.getBucketWebsite(b -> b.bucket("conf"));
        assertThat(redirect.redirectAllRequestsTo().hostName()).isEqualTo("example.com");
        assertThat(redirect.redirectAllRequestsTo().protocol()).isEqualTo(Protocol.HTTPS);
        assertThat(redirect.indexDocument()).isNull();

        assertCode(() -> s3.putBucketWebsite(b -> b.bucket("conf").websiteConfiguration(w -> w
                .indexDocument(i -> i.suffix("a/index.html")))), 400, "InvalidArgument");
        assertCode(() -> s3.putBucketWebsite(b -> b.bucket("conf").websiteConfiguration(w -> w
                .indexDocument(i -> i.suffix("index.html")).routingRules(r -> r.redirect(x -> x.hostName("h"))))),
                501, "NotImplemented");

        s3.deleteBucketWebsite(b -> b.bucket("conf"));
        assertCode(() -> s3.getBucketWebsite(b -> b.bucket("conf")), 404, "NoSuchWebsiteConfiguration");
    }

    @Test
    void configurationsANodeNeverHasReadAsAbsent() {
        assertThat(s3.getBucketLogging(b -> b.bucket("conf")).loggingEnabled()).isNull();
        var n = s3.getBucketNotificationConfiguration(b -> b.bucket("conf"));
        assertThat(n.topicConfigurations()).isEmpty();
        assertThat(n.queueConfigurations()).isEmpty();
        assertThat(s3.getBucketRequestPayment(b -> b.bucket("conf")).payer()).isEqualTo(Payer.BUCKET_OWNER);
        assertThat(s3.getBucketAccelerateConfiguration(b -> b.bucket("conf")).status()).isNull();
        assertCode(() -> s3.getBucketReplication(b -> b.bucket("conf")), 404, "ReplicationConfigurationNotFoundError");
        // A missing bucket is still NoSuchBucket, and turning these on is refused rather than ignored.
        assertCode(() -> s3.getBucketLogging(b -> b.bucket("no-such-conf")), 404, "NoSuchBucket");
        assertCode(() -> s3.putBucketRequestPayment(b -> b.bucket("conf")
                .requestPaymentConfiguration(r -> r.payer(Payer.REQUESTER))), 501, "NotImplemented");
    }

    private static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }
}
