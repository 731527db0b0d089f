package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.crypto.PasswordHasher;
import dev.s3aas.controlplane.crypto.Secrets;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.IamRecords.IamUser;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * First start: creates the {@code admin} user (password from {@code S3AAS_ADMIN_PASSWORD}, else
 * generated, printed once and written to {@code <data-dir>/admin-password} with mode 0600) and a
 * {@code default} project it owns. Does nothing once any user exists.
 */
public final class Bootstrap {
    public static final String ADMIN = "admin";
    public static final String DEFAULT_PROJECT = "default";

    private Bootstrap() {}

    public static void run(Database db, IamAdminService iam, PasswordHasher hasher, Clock clock,
            String configuredPassword, Path dataDir) {
        if (iam.hasUsers()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? Secrets.password(24) : configuredPassword;
        long now = clock.millis();
        IamUser admin = new IamUser(Ids.newId(), ADMIN, hasher.hash(password), true, "ACTIVE", now, now);
        Project project = new Project(Ids.newId(), DEFAULT_PROJECT, "Created at bootstrap", now, now);
        db.writeVoid(h -> iam.bootstrap(h, admin, project));
        if (generated) {
            Path file = dataDir.resolve("admin-password");
            try {
                Files.deleteIfExists(file);
                Secrets.writeOwnerOnly(file, password + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Printed once, on purpose, to the console of whoever started the server (not to the log).
            System.out.println("s3aas: bootstrap admin user 'admin' created; password: " + password
                    + " (also in " + file + ")");
        }
    }
}
