package dev.s3aas.cli;

import dev.s3aas.controlplane.testing.TestPostgres;
import java.util.Map;

/**
 * {@link ControlPlaneKillScenario} on PostgreSQL: the suite's {@link TestPostgres} (Debian's binaries, or
 * {@code S3AAS_TEST_PG_URL}), one fresh database the control plane reaches through {@code S3AAS_DB_URL}.
 */
class ControlPlaneKillPostgresTest extends ControlPlaneKillScenario {
    @Override
    Map<String, String> database() {
        return Map.of("S3AAS_DB_URL", TestPostgres.newDatabaseUrl());
    }
}
