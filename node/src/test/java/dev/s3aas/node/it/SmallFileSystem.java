package dev.s3aas.node.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of a test's own, mounted on a fresh directory: a size-limited tmpfs, or ext4 on a loop
 * device (an image file, as production disks are ext4 with a journal). Needs root for {@code mount} and
 * {@code losetup}, as CI has: without it the setup fails with the command's message, it does not skip.
 * {@link #close()} undoes every step that was done, in reverse (unmount, detach the loop device, delete the
 * image), also when the setup itself failed halfway.
 */
final class SmallFileSystem implements AutoCloseable {
    private interface Step {
        void undo() throws Exception;
    }

    private final Path root;
    private final String kind;
    private final Deque<Step> undo = new ArrayDeque<>();

    private SmallFileSystem(Path root, String kind) {
        this.root = root;
        this.kind = kind;
    }

    /** A tmpfs of {@code mib} MiB mounted on {@code dir/fs}. */
    static SmallFileSystem tmpfs(Path dir, int mib) throws Exception {
        SmallFileSystem fs = new SmallFileSystem(Files.createDirectory(dir.resolve("fs")), "tmpfs");
        try {
            run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", fs.root.toString());
            fs.undo.push(() -> run("umount", fs.root.toString()));
        } catch (Exception e) {
            fs.closeAfter(e);
        }
        return fs;
    }

    /**
     * ext4 of {@code mib} MiB on a loop device over {@code dir/ext4.img}, mounted on {@code dir/fs}: 4 KiB blocks
     * and the default journal, as on a production disk; {@code -m 0} because the node runs as root here, and
     * root may write into ext4's reserved blocks while {@code statvfs}' available count (what the JDK's
     * {@code getUsableSpace} and so the node's reserve see) leaves them out; inode tables initialised at mkfs
     * time, so no background {@code ext4lazyinit} writes during the test.
     */
    static SmallFileSystem ext4(Path dir, int mib) throws Exception {
        SmallFileSystem fs = new SmallFileSystem(Files.createDirectory(dir.resolve("fs")), "ext4");
        Path image = dir.resolve("ext4.img");
        try {
            fs.undo.push(() -> Files.deleteIfExists(image));
            run("fallocate", "-l", mib + "MiB", image.toString());
            run("mkfs.ext4", "-q", "-F", "-m", "0", "-b", "4096", "-E", "lazy_itable_init=0,lazy_journal_init=0",
                    image.toString());
            String device = run("losetup", "-f", "--show", image.toString()).trim();
            fs.undo.push(() -> run("losetup", "-d", device));
            run("mount", "-t", "ext4", device, fs.root.toString());
            fs.undo.push(() -> run("umount", fs.root.toString()));
        } catch (Exception e) {
            fs.closeAfter(e);
        }
        return fs;
    }

    Path root() {
        return root;
    }

    @Override
    public String toString() {
        return kind;
    }

    /** Undoes every step done so far, in reverse; all are tried, the first failure is thrown. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!undo.isEmpty()) {
            try {
                undo.pop().undo();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeAfter(Exception setup) throws Exception {
        try {
            close();
        } catch (Exception e) {
            setup.addSuppressed(e);
        }
        throw setup;
    }

    /** Runs a command to its end (at most 60 s); returns its output, or throws with it. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s: " + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + p.exitValue()
                    + " (mounting a small file system needs root): " + out);
        }
        return out;
    }
}
