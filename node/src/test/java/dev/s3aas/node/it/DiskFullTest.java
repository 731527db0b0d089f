package dev.s3aas.node.it;

import org.junit.jupiter.api.BeforeAll;

/** The disk-full scenarios on a 48 MiB tmpfs ({@code mount -t tmpfs -o size=48m}). */
class DiskFullTest extends DiskFullScenarios {
    @BeforeAll
    static void mountTmpfs() throws Exception {
        start(SmallFileSystem.tmpfs(dir, 48));
    }
}
