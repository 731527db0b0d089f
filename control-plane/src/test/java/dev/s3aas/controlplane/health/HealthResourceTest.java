package dev.s3aas.controlplane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.db.Database;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ready's failure answers: a stopped reconciler, an unreachable database. */
class HealthResourceTest {
    @TempDir
    Path dir;

    @Test
    void readinessNamesTheFailingCheck() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("cp.db"), null, null);
        AtomicBoolean running = new AtomicBoolean(true);
        Route ready = new HealthResource(db, running::get).routes().stream()
                .filter(r -> r.template().equals("/ready")).findFirst().orElseThrow();
        assertThat(ready.authenticated()).isFalse();
        assertThat(ready.endpoint().handle(null).status()).isEqualTo(200);

        running.set(false);
        ApiResponse stopped = ready.endpoint().handle(null);
        assertThat(stopped.status()).isEqualTo(503);
        assertThat(((Map<?, ?>) stopped.body()).get("reason")).isEqualTo("reconciler: the reconciler is not running");

        running.set(true);
        db.close();
        ApiResponse down = ready.endpoint().handle(null);
        assertThat(down.status()).isEqualTo(503);
        assertThat((String) ((Map<?, ?>) down.body()).get("reason")).startsWith("database: unreachable");
    }
}
