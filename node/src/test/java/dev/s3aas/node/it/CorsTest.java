package dev.s3aas.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** PutBucketCors / GetBucketCors / DeleteBucketCors, browser preflights and CORS headers on actual requests. */
class CorsTest extends NodeTestBase {
    static RawHttp raw;

    @BeforeAll
    static void setUp() {
        raw = new RawHttp(node.port());
        s3.createBucket(b -> b.bucket("cors"));
        s3.createBucket(b -> b.bucket("no-cors"));
        s3.putObject(b -> b.bucket("cors").key("page.txt"), RequestBody.fromString("hi"));
        s3.putBucketCors(b -> b.bucket("cors").corsConfiguration(c -> c.corsRules(
                CORSRule.builder().id("app").allowedOrigins("https://*.example.com").allowedMethods("GET", "PUT")
                        .allowedHeaders("Content-Type", "x-amz-*").exposeHeaders("ETag").maxAgeSeconds(600).build(),
                CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build())));
    }

    @Test
    void configurationRoundTripsAndDeletes() {
        s3.createBucket(b -> b.bucket("cors-rt"));
        assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket("cors-rt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCORSConfiguration");
                });
        s3.putBucketCors(b -> b.bucket("cors-rt").corsConfiguration(c -> c.corsRules(CORSRule.builder().id("r1")
                .allowedOrigins("https://a.test").allowedMethods("GET", "HEAD", "POST").allowedHeaders("*")
                .exposeHeaders("x-amz-request-id", "ETag").maxAgeSeconds(30).build())));
        List<CORSRule> rules = s3.getBucketCors(b -> b.bucket("cors-rt")).corsRules();
        assertThat(rules).hasSize(1);
        CORSRule r = rules.get(0);
        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.allowedMethods()).containsExactly("GET", "HEAD", "POST");
        assertThat(r.allowedOrigins()).containsExactly("https://a.test");
        assertThat(r.allowedHeaders()).containsExactly("*");
        assertThat(r.exposeHeaders()).containsExactly("x-amz-request-id", "ETag");
        assertThat(r.maxAgeSeconds()).isEqualTo(30);
        s3.deleteBucketCors(b -> b.bucket("cors-rt"));
        assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket("cors-rt"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void invalidRulesAreRefused() {
        assertCode(CORSRule.builder().allowedOrigins("https://a.test").allowedMethods("PATCH").build(),
                "InvalidRequest");
        assertCode(CORSRule.builder().allowedOrigins("https://*.*.test").allowedMethods("GET").build(),
                "InvalidRequest");
        assertCode(CORSRule.builder().allowedOrigins("https://a.test").allowedMethods("GET").allowedHeaders("x-*-*")
                .build(), "InvalidRequest");
        assertCode(CORSRule.builder().allowedOrigins("https://a.test").allowedMethods("GET").id("x".repeat(256))
                .build(), "InvalidArgument");
        assertThatThrownBy(() -> s3.getBucketCors(b -> b.bucket("no-cors"))).isInstanceOf(S3Exception.class);
    }

    private static void assertCode(CORSRule rule, String code) {
        assertThatThrownBy(() -> s3.putBucketCors(b -> b.bucket("no-cors").corsConfiguration(c -> c.corsRules(rule))))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
    }

    @Test
    void preflightIsAnsweredFromTheRulesWithoutCredentials() throws Exception {
        RawHttp.Response ok = raw.send("OPTIONS", "/cors/page.txt", ProtocolTest.h("Origin", "https://app.example.com",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type, x-amz-date"),
                null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("GET, PUT");
        assertThat(ok.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-amz-date");
        assertThat(ok.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(ok.header("Access-Control-Expose-Headers")).isEqualTo("ETag");
        assertThat(ok.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        // The second rule: any origin, GET only, no headers.
        RawHttp.Response any = raw.send("OPTIONS", "/cors", ProtocolTest.h("Origin", "https://elsewhere.test",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(any.status()).isEqualTo(200);
        assertThat(any.header("Access-Control-Allow-Origin")).isEqualTo("*");

        RawHttp.Response wrongMethod = raw.send("OPTIONS", "/cors/page.txt", ProtocolTest.h(
                "Origin", "https://elsewhere.test", "Access-Control-Request-Method", "PUT"), null);
        assertThat(wrongMethod.status()).isEqualTo(403);
        assertThat(wrongMethod.errorCode()).isEqualTo("AccessForbidden");
        assertThat(wrongMethod.header("Access-Control-Allow-Origin")).isNull();

        RawHttp.Response wrongHeader = raw.send("OPTIONS", "/cors/page.txt", ProtocolTest.h(
                "Origin", "https://app.example.com", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "authorization-x"), null);
        assertThat(wrongHeader.status()).isEqualTo(403);

        RawHttp.Response disabled = raw.send("OPTIONS", "/no-cors/x", ProtocolTest.h("Origin", "https://a.test",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.text()).contains("CORS is not enabled for this bucket");

        RawHttp.Response noOrigin = raw.send("OPTIONS", "/cors/x", ProtocolTest.h(
                "Access-Control-Request-Method", "GET"), null);
        assertThat(noOrigin.status()).isEqualTo(400);
        RawHttp.Response noMethod = raw.send("OPTIONS", "/cors/x", ProtocolTest.h("Origin", "https://a.test"), null);
        assertThat(noMethod.status()).isEqualTo(400);
        RawHttp.Response noBucket = raw.send("OPTIONS", "/missing-bucket/x", ProtocolTest.h("Origin", "https://a.test",
                "Access-Control-Request-Method", "GET"), null);
        assertThat(noBucket.status()).isEqualTo(404);
    }

    @Test
    void actualRequestsCarryTheHeadersOfTheMatchingRule() throws Exception {
        RawHttp.Response get = raw.signed("GET", "/cors/page.txt", null, ProtocolTest.h("Origin",
                "https://app.example.com"), null, RawHttp.sha256Hex(new byte[0]), java.time.Instant.now(),
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(get.header("Access-Control-Expose-Headers")).isEqualTo("ETag");
        assertThat(get.header("Vary")).contains("Origin");

        // Errors too: a browser script must be able to read a 404 (here: root may list, so NoSuchKey).
        RawHttp.Response missing = raw.signed("GET", "/cors/missing.txt", null, ProtocolTest.h("Origin",
                "https://app.example.com"), null, RawHttp.sha256Hex(new byte[0]), java.time.Instant.now(),
                TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");

        // A DELETE no rule allows, and a request without Origin: no CORS headers.
        RawHttp.Response plain = raw.signed("GET", "/cors/page.txt", null, null);
        assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
        RawHttp.Response noRule = raw.signed("GET", "/no-cors/x", null, ProtocolTest.h("Origin", "https://a.test"),
                null, RawHttp.sha256Hex(new byte[0]), java.time.Instant.now(), TestNode.ACCESS_KEY, TestNode.SECRET_KEY);
        assertThat(noRule.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void presignedUrlsFromABrowserGetTheHeaders() throws Exception {
        try (S3Presigner presigner = node.presigner()) {
            URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("cors").key("page.txt"))).url().toURI();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                    .header("Origin", "https://shop.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hi");
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        }
    }
}
