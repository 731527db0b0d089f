package dev.s3aas.controlplane;

import java.nio.file.Path;

/** Holds the data dir lock of the directory given as the argument until killed (another control plane). */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws InterruptedException {
        DataDirLock lock = DataDirLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.currentThread().join();
        lock.close();
    }
}
