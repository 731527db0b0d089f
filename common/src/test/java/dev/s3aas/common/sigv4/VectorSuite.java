package dev.s3aas.common.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The aws-c-auth SigV4 test suite in {@code shared/sigv4-vectors}, found by walking up from the
 * working directory to a folder holding {@code shared/sigv4-vectors} (the repository's parent,
 * locally and in CI), or at {@code S3AAS_SIGV4_VECTORS} (system property or environment). Not
 * finding it fails the tests: silently skipping would hide that nothing was checked.
 */
final class VectorSuite {
    static final String OVERRIDE = "S3AAS_SIGV4_VECTORS";

    /** One folder of the suite. */
    record Case(String name, Path dir, Context context, RawHttpRequest request) {
        String read(String file) {
            try {
                return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        RawHttpRequest readRequest(String file) {
            try {
                return RawHttpRequest.parse(Files.readAllBytes(dir.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** context.json. */
    record Context(String accessKeyId, String secretAccessKey, String token, String region,
            String service, Instant timestamp, boolean normalize, boolean signBody,
            boolean omitSessionToken, long expirationSeconds) {
    }

    private VectorSuite() {
    }

    static Path locate() {
        String override = System.getProperty(OVERRIDE, System.getenv(OVERRIDE));
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            if (!Files.isDirectory(dir)) {
                throw new AssertionError(OVERRIDE + "=" + override + " is not a directory");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("sigv4-vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("SigV4 test vectors not found: no shared/sigv4-vectors in "
                + start + " or any parent. Put the suite beside the repository (<parent>/shared/"
                + "sigv4-vectors) or set " + OVERRIDE + " to its folder.");
    }

    static List<Case> cases() {
        Path root = locate();
        try (Stream<Path> dirs = Files.list(root)) {
            List<Case> cases = dirs.filter(Files::isDirectory).sorted()
                    .map(VectorSuite::load).toList();
            if (cases.isEmpty()) {
                throw new AssertionError("no test vector folders in " + root);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case load(Path dir) {
        try {
            JsonNode json = new ObjectMapper().readTree(dir.resolve("context.json").toFile());
            JsonNode credentials = json.get("credentials");
            Context context = new Context(credentials.get("access_key_id").asText(),
                    credentials.get("secret_access_key").asText(),
                    credentials.hasNonNull("token") ? credentials.get("token").asText() : null,
                    json.get("region").asText(), json.get("service").asText(),
                    Instant.parse(json.get("timestamp").asText()),
                    json.get("normalize").asBoolean(), json.get("sign_body").asBoolean(),
                    json.path("omit_session_token").asBoolean(false),
                    json.get("expiration_in_seconds").asLong());
            RawHttpRequest request =
                    RawHttpRequest.parse(Files.readAllBytes(dir.resolve("request.txt")));
            return new Case(dir.getFileName().toString(), dir, context, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
