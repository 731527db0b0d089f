package dev.s3aas.common.sigv4;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a request body into the object bytes it carries, checking it against what the request
 * head declared (see {@link AuthResult#payloadMode()}):
 * <ul>
 *   <li>UNSIGNED_PAYLOAD: the body as is;</li>
 *   <li>SIGNED_PAYLOAD: the body, whose SHA-256 must match (XAmzContentSHA256Mismatch);</li>
 *   <li>STREAMING_*: the aws-chunked body decoded, chunk and trailer signatures checked, the
 *       decoded length checked against x-amz-decoded-content-length; trailers exposed through
 *       {@link TrailingHeaders} once the stream ended.</li>
 * </ul>
 * Checking an {@code x-amz-checksum-*} trailer or header against the data is the server's job:
 * it knows which checksum it computes while storing.
 */
public final class PayloadStreams {
    private PayloadStreams() {
    }

    /**
     * @param auth the result of {@link SigV4Verifier#verify} for this request
     * @param request the request head (for {@code x-amz-trailer})
     * @param raw the body as received (after any Transfer-Encoding is undone)
     */
    public static PayloadInputStream decode(AuthResult auth, RequestView request,
            InputStream raw) {
        PayloadMode mode = auth.payloadMode();
        ChunkSigningContext signing = null;
        if (mode.hasChunkSignatures()) {
            if (!(auth instanceof AuthResult.Authenticated authenticated)
                    || authenticated.chunkSigning() == null) {
                throw new IllegalArgumentException(mode + " needs a SigV4-authenticated request");
            }
            signing = authenticated.chunkSigning();
        }
        return switch (mode) {
            case UNSIGNED_PAYLOAD -> new PayloadInputStream.Plain(raw);
            case SIGNED_PAYLOAD -> new SignedPayloadStream(raw, auth.expectedPayloadSha256());
            case STREAMING_SIGNED -> new AwsChunkedStream(raw, signing, false, null,
                    auth.decodedContentLength());
            case STREAMING_SIGNED_TRAILER -> new AwsChunkedStream(raw, signing, true,
                    declaredTrailers(request), auth.decodedContentLength());
            case STREAMING_UNSIGNED_TRAILER -> new AwsChunkedStream(raw, null, true,
                    declaredTrailers(request), auth.decodedContentLength());
        };
    }

    /** The lower-case names of {@code x-amz-trailer} (comma-separated), null when absent. */
    private static Set<String> declaredTrailers(RequestView request) {
        var values = request.headerValues("x-amz-trailer");
        if (values.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                String name = value.substring(start, end).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
        }
        return names;
    }
}
