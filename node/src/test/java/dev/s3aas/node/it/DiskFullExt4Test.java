package dev.s3aas.node.it;

import org.junit.jupiter.api.BeforeAll;

/**
 * The disk-full scenarios on a 48 MiB ext4 file system with its journal, on a loop device over an image file
 * ({@code fallocate}, {@code mkfs.ext4 -m 0}, {@code losetup -f --show}, {@code mount}), as production disks are.
 */
class DiskFullExt4Test extends DiskFullScenarios {
    @BeforeAll
    static void mountExt4() throws Exception {
        start(SmallFileSystem.ext4(dir, 48));
    }
}
