package dev.s3aas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The AWS SDK v2 compatibility mode ({@code --client sdk}): the same operations through the SDK's sync
 * client and Apache HTTP client, to show what a heavyweight client costs on a small machine. Checksums
 * are limited to what the API requires, as SDKs before 2.30 did, so both servers get plain signed requests.
 */
final class SdkS3Client implements LoadClient {
    private final S3Client s3;
    private final String bucket;
    private final byte[] buffer = new byte[HttpConnection.DEFAULT_BUFFER];
    private final Payloads payloads;
    private final VerifyingSink verifier;

    SdkS3Client(S3Client s3, String bucket, Payloads payloads) {
        this.s3 = s3;
        this.bucket = bucket;
        this.payloads = payloads;
        this.verifier = new VerifyingSink(payloads);
    }

    /** One SDK client shared by all workers of a cell (the SDK's clients are thread-safe and pool connections). */
    static S3Client newClient(Endpoint endpoint, int maxConnections) {
        return S3Client.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(ApacheHttpClient.builder().maxConnections(Math.max(1, maxConnections))
                        .socketTimeout(Duration.ofMinutes(5)).tcpKeepAlive(true).build())
                .build();
    }

    @Override
    public void put(String key, Payload payload) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength(payload.length()), body(payload));
    }

    @Override
    public void putMultipart(String key, Payload payload, long partSize) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (long start = 0; start < payload.length(); start += partSize) {
            int number = parts.size() + 1;
            Payload p = payload.part(start, Math.min(partSize, payload.length() - start));
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength(p.length()), body(p)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    @Override
    public void get(String key, Payload expected, boolean verifyBytes) throws IOException, BenchFailure {
        verifier.reset(expected, verifyBytes);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            long declared = in.response().contentLength() == null ? -1 : in.response().contentLength();
            int n;
            while ((n = in.read(buffer)) > 0) {
                verifier.accept(ByteBuffer.wrap(buffer, 0, n));
            }
            verifier.check(key, declared);
        }
    }

    private RequestBody body(Payload p) {
        return RequestBody.fromContentProvider(() -> new BufferInputStream(payloads.slice(p)), p.length(),
                "application/octet-stream");
    }

    @Override
    public void close() {
        // the shared S3Client is closed by whoever created it
    }

    /** An InputStream over a ByteBuffer, so the SDK streams the payload without copying it first. */
    private static final class BufferInputStream extends InputStream {
        private final ByteBuffer buffer;

        BufferInputStream(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return buffer.remaining();
        }
    }
}
