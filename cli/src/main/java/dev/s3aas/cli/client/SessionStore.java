package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The session file, {@code session.json} in {@code $S3AAS_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/s3aas}, else
 * {@code ~/.config/s3aas}. The directory is 0700 and the file 0600 from the moment it exists (written to a
 * temporary file created with those permissions, then renamed over the old one), because it holds bearer tokens.
 */
final class SessionStore {
    static final String FILE = "session.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    SessionStore(Path dir) {
        this.dir = dir;
    }

    static SessionStore fromEnvironment(Map<String, String> env) {
        String explicit = env.get("S3AAS_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new SessionStore(Path.of(explicit));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new SessionStore(Path.of(xdg, "s3aas"));
        }
        return new SessionStore(Path.of(System.getProperty("user.home"), ".config", "s3aas"));
    }

    Path file() {
        return dir.resolve(FILE);
    }

    Optional<Session> load() {
        Path f = file();
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return Optional.of(new Session(n.path("endpoint").asText(), text(n, "username"), text(n, "project_id"),
                    n.path("access_token").asText(), n.path("refresh_token").asText(),
                    Instant.parse(n.path("expires_at").asText())));
        } catch (IOException | RuntimeException e) {
            throw new CliError.Local("cannot read " + f + " (log in again to replace it): " + e.getMessage());
        }
    }

    void save(Session s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("endpoint", s.endpoint());
        n.put("username", s.username());
        n.put("project_id", s.projectId());
        n.put("access_token", s.accessToken());
        n.put("refresh_token", s.refreshToken());
        n.put("expires_at", s.expiresAt().toString());
        try {
            ensureDir();
            Path tmp = dir.resolve(FILE + ".tmp-" + UUID.randomUUID());
            createPrivate(tmp);
            try {
                Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliError.Local("cannot write " + file() + ": " + e.getMessage());
        }
    }

    /** Returns whether there was a session to remove. */
    boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new CliError.Local("cannot delete " + file() + ": " + e.getMessage());
        }
    }

    /**
     * Refreshes {@code seen} under an exclusive lock on the config dir. Refresh tokens are single use, so two
     * commands refreshing at once would leave one of them logged out; under the lock, the second finds the
     * file already holds a newer token pair and takes it instead of refreshing again.
     */
    Session refresh(Session seen, UnaryOperator<Session> refresher) {
        try {
            ensureDir();
            Path lock = dir.resolve("session.lock");
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = ch.lock()) {
                Optional<Session> now = load();
                if (now.isPresent() && !now.get().refreshToken().equals(seen.refreshToken())
                        && now.get().endpoint().equals(seen.endpoint())) {
                    return now.get();
                }
                Session fresh = refresher.apply(seen);
                save(fresh);
                return fresh;
            }
        } catch (IOException e) {
            throw new CliError.Local("cannot lock " + dir + ": " + e.getMessage());
        }
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException e) {
                // created concurrently
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        try {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access control applies
        }
    }

    private static void createPrivate(Path f) throws IOException {
        try {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(f);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
