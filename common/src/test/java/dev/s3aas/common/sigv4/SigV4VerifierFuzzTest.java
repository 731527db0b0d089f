package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for {@link SigV4Verifier#verify}: Authorization header parsing (V4 and V2),
 * presigned query parsing, canonical request and signature check, with a fixed secret and clock.
 * The input is a request as text ({@link #parse}): method, raw path, raw query, then one
 * {@code name:value} header per line. Contract: the verifier returns or throws
 * {@link SigV4Exception} (translated into a 4xx); nothing else escapes. Property: a request it
 * authenticates carries one of the signatures {@link #SEEDS} issued — the fuzzer cannot compute
 * an HMAC, so accepting anything else would be accepting a forged signature. The seeds in
 * {@code SigV4VerifierFuzzTestInputs/verify/} are valid signed and presigned requests.
 */
class SigV4VerifierFuzzTest {
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final SigningCredentials CREDENTIALS = new SigningCredentials("AKIDTEST", "s3cr3t");
    static final SigV4Signer SIGNER = new SigV4Signer(CREDENTIALS, "us-east-1", "s3");
    static final SigV4Verifier VERIFIER = new SigV4Verifier(
            key -> key.equals("AKIDTEST") ? Optional.of("s3cr3t") : Optional.empty(),
            FixedClock.at(NOW));
    static final List<Seed> SEEDS = seeds();

    record Seed(String text, String signature) {
    }

    @FuzzTest(maxDuration = "5s")
    void verify(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        RequestView request = parse(text);
        AuthResult result;
        try {
            result = VERIFIER.verify(request, text.length() % 2 == 0 ? null : "bucket");
        } catch (SigV4Exception expected) {
            return;
        }
        if (result instanceof AuthResult.Authenticated) {
            assertThat(SEEDS).as("authenticated %s", text)
                    .anyMatch(seed -> text.contains(seed.signature()));
        }
    }

    /** The checked-in seeds authenticate, so fuzzing starts from requests that pass. */
    @Test
    void seedsAuthenticate() throws Exception {
        String[] names = {"header-get", "header-put", "presigned-get"};
        for (int i = 0; i < names.length; i++) {
            String text = new String(getClass().getResourceAsStream(
                    "SigV4VerifierFuzzTestInputs/verify/" + names[i]).readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            assertThat(text).isEqualTo(SEEDS.get(i).text());
            assertThat(VERIFIER.verify(parse(text))).isInstanceOf(AuthResult.Authenticated.class);
        }
    }

    /** Line 1 method, 2 raw path, 3 raw query (empty: none), then {@code name:value} headers. */
    static RequestView parse(String text) {
        String[] lines = text.split("\n", -1);
        String method = lines.length > 0 ? lines[0] : "";
        String path = lines.length > 1 ? lines[1] : "/";
        String query = lines.length > 2 && !lines[2].isEmpty() ? lines[2] : null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
            }
        }
        return RequestView.of(method, path, query, headers);
    }

    static String format(RequestView request) {
        StringBuilder out = new StringBuilder().append(request.method()).append('\n')
                .append(request.rawPath()).append('\n')
                .append(request.rawQuery() == null ? "" : request.rawQuery());
        for (String name : request.headerNames()) {
            for (String value : request.headerValues(name)) {
                out.append('\n').append(name).append(':').append(value);
            }
        }
        return out.toString();
    }

    private static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        List<Map.Entry<String, String>> get = List.of(Map.entry("Host", "bucket.s3.example.com"),
                Map.entry("Range", "bytes=0-9"));
        seeds.add(headerSigned("GET", "/photos/a%20b.jpg", "versionId=3&x=", get,
                Canonical.UNSIGNED_PAYLOAD));
        seeds.add(headerSigned("PUT", "/key", null, List.of(
                Map.entry("Host", "s3.example.com"), Map.entry("Content-Type", "text/plain"),
                Map.entry("x-amz-meta-a", "  two  spaces ")),
                "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"));
        RequestView unsigned = RequestView.of("GET", "/bucket/key", "list-type=2", get);
        SigV4Signer.PresignedRequest presigned = SIGNER.presign(unsigned, NOW,
                Duration.ofMinutes(10));
        seeds.add(new Seed(format(RequestView.of("GET", "/bucket/key", presigned.rawQuery(), get)),
                presigned.signature()));
        return List.copyOf(seeds);
    }

    private static Seed headerSigned(String method, String path, String query,
            List<Map.Entry<String, String>> headers, String payloadHash) {
        SigV4Signer.SignedRequest signed = SIGNER.sign(
                RequestView.of(method, path, query, headers), payloadHash, NOW);
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.addAll(signed.headersToAdd().entrySet());
        return new Seed(format(RequestView.of(method, path, query, all)), signed.signature());
    }
}
