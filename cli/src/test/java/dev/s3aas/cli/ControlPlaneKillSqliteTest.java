package dev.s3aas.cli;

import java.util.Map;

/** {@link ControlPlaneKillScenario} on the default database: SQLite in the control plane's data dir. */
class ControlPlaneKillSqliteTest extends ControlPlaneKillScenario {
    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
