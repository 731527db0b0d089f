package dev.s3aas.common.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs requests for clients (benchmark, control plane, tests) with the canonicalization code the
 * verifier uses. Immutable and thread-safe.
 */
public final class SigV4Signer {
    /** Headers never signed: hop-by-hop or rewritten by proxies and client libraries. */
    private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "connection",
            "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id");
    private static final String TOKEN_PARAM = "X-Amz-Security-Token";

    /**
     * @param normalizePath normalize the canonical URI (not for S3)
     * @param addContentSha256Header send and sign {@code x-amz-content-sha256} (S3 needs it)
     * @param omitSessionToken add the session token after signing (aws-c-auth's IoT mode)
     */
    public record Options(boolean normalizePath, boolean addContentSha256Header,
            boolean omitSessionToken) {
        public static Options s3() {
            return new Options(false, true, false);
        }
    }

    /** Headers to add to the request, and the intermediate values for debugging. */
    public record SignedRequest(Map<String, String> headersToAdd, String canonicalRequest,
            String stringToSign, String signature) {
    }

    /** The complete query of the presigned URL (the original parameters first). */
    public record PresignedRequest(String rawQuery, String canonicalRequest, String stringToSign,
            String signature) {
    }

    private final SigningCredentials credentials;
    private final String region;
    private final String service;
    private final Options options;
    private final SigningKey.Cache keys = new SigningKey.Cache(16);

    public SigV4Signer(SigningCredentials credentials, String region, String service) {
        this(credentials, region, service, Options.s3());
    }

    public SigV4Signer(SigningCredentials credentials, String region, String service,
            Options options) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Signs with the Authorization header. {@code request} must carry the Host header.
     *
     * @param payloadHash hex SHA-256 of the body, UNSIGNED-PAYLOAD or a STREAMING-* value
     */
    public SignedRequest sign(RequestView request, String payloadHash, Instant at) {
        requireHost(request);
        String timestamp = AmzDate.formatIsoBasic(at.getEpochSecond());
        String scope = Canonical.scope(timestamp.substring(0, 8), region, service);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", timestamp);
        if (options.addContentSha256Header()) {
            added.put("x-amz-content-sha256", payloadHash);
        }
        if (credentials.sessionToken() != null) {
            added.put(TOKEN_PARAM, credentials.sessionToken());
        }
        RequestView view = withHeaders(request, added);
        List<String> signedHeaders = signedHeaders(view, options.omitSessionToken());
        String signedHeadersLine = String.join(";", signedHeaders);
        String canonicalRequest = Canonical.request(request.method(),
                UriEncoding.canonicalUri(request.rawPath(), options.normalizePath()),
                Canonical.query(QueryParameters.parse(request.rawQuery()), Set.of()), view,
                signedHeaders, signedHeadersLine, payloadHash);
        String stringToSign = Canonical.stringToSign(timestamp, scope, canonicalRequest);
        String signature = key(timestamp).signHex(stringToSign);
        added.put("Authorization", Canonical.ALGORITHM + " Credential="
                + credentials.accessKeyId() + '/' + scope + ", SignedHeaders=" + signedHeadersLine
                + ", Signature=" + signature);
        return new SignedRequest(Collections.unmodifiableMap(added), canonicalRequest,
                stringToSign, signature);
    }

    /** A presigned URL's query for S3 (payload UNSIGNED-PAYLOAD). */
    public PresignedRequest presign(RequestView request, Instant at, Duration expires) {
        return presign(request, at, expires, Canonical.UNSIGNED_PAYLOAD);
    }

    /** A presigned URL's query, signing {@code payloadHash} (other services hash the body). */
    public PresignedRequest presign(RequestView request, Instant at, Duration expires,
            String payloadHash) {
        requireHost(request);
        if (expires.toSeconds() < 1) {
            throw new IllegalArgumentException("a presigned URL lives at least a second");
        }
        String timestamp = AmzDate.formatIsoBasic(at.getEpochSecond());
        String scope = Canonical.scope(timestamp.substring(0, 8), region, service);
        List<String> signedHeaders = signedHeaders(request, false);
        String signedHeadersLine = String.join(";", signedHeaders);
        StringBuilder query = new StringBuilder();
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            query.append(request.rawQuery()).append('&');
        }
        query.append("X-Amz-Algorithm=").append(Canonical.ALGORITHM)
                .append("&X-Amz-Credential=")
                .append(UriEncoding.encode(credentials.accessKeyId() + '/' + scope, false))
                .append("&X-Amz-Date=").append(timestamp)
                .append("&X-Amz-Expires=").append(expires.toSeconds())
                .append("&X-Amz-SignedHeaders=")
                .append(UriEncoding.encode(signedHeadersLine, false));
        String token = credentials.sessionToken() == null ? ""
                : "&" + TOKEN_PARAM + "=" + UriEncoding.encode(credentials.sessionToken(), false);
        if (!options.omitSessionToken()) {
            query.append(token);
        }
        String canonicalRequest = Canonical.request(request.method(),
                UriEncoding.canonicalUri(request.rawPath(), options.normalizePath()),
                Canonical.query(QueryParameters.parse(query.toString()), Set.of()), request,
                signedHeaders, signedHeadersLine, payloadHash);
        String stringToSign = Canonical.stringToSign(timestamp, scope, canonicalRequest);
        String signature = key(timestamp).signHex(stringToSign);
        if (options.omitSessionToken()) {
            query.append(token);
        }
        query.append("&X-Amz-Signature=").append(signature);
        return new PresignedRequest(query.toString(), canonicalRequest, stringToSign, signature);
    }

    /** Signs the chunks of a streaming upload whose request was signed with {@link #sign}. */
    public ChunkSigner chunkSigner(Instant at, String seedSignature) {
        String timestamp = AmzDate.formatIsoBasic(at.getEpochSecond());
        return new ChunkSigner(key(timestamp), timestamp,
                Canonical.scope(timestamp.substring(0, 8), region, service), seedSignature);
    }

    /** Host is always signed (S3 rejects requests where it is not). */
    private static void requireHost(RequestView request) {
        if (request.header("host") == null) {
            throw new IllegalArgumentException("the request to sign needs its Host header");
        }
    }

    private SigningKey key(String timestamp) {
        return keys.get(credentials.secretAccessKey(), timestamp.substring(0, 8), region,
                service);
    }

    private static List<String> signedHeaders(RequestView request, boolean omitToken) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : request.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UNSIGNED_HEADERS.contains(lower)
                    && !(omitToken && lower.equals("x-amz-security-token"))) {
                names.add(lower);
            }
        }
        return new ArrayList<>(names);
    }

    /** The request's headers with {@code added} replacing any of the same name. */
    private static RequestView withHeaders(RequestView request, Map<String, String> added) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : request.headerNames()) {
            boolean replaced = added.keySet().stream().anyMatch(name::equalsIgnoreCase);
            if (!replaced) {
                for (String value : request.headerValues(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        added.forEach((name, value) -> headers.add(Map.entry(name, value)));
        return RequestView.of(request.method(), request.rawPath(), request.rawQuery(), headers);
    }
}
