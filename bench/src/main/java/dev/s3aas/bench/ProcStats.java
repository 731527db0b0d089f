package dev.s3aas.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak RSS of processes, from Linux /proc (proc(5)): utime + stime of /proc/PID/stat, VmHWM of
 * /proc/PID/status. The benchmark's own CPU comes from the JVM (the whole process: workers, GC, JIT).
 */
final class ProcStats {
    /** USER_HZ: the unit of utime/stime; 100 on every Linux architecture the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStats() {}

    /** CPU time (user + system) of process {@code pid} in nanoseconds, or -1 if unreadable. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size (VmHWM) in bytes since start or the last {@link #resetPeakRss}; -1 if unknown. */
    static long peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Resets VmHWM to the current RSS (writing 5 to clear_refs), so the next peak is per cell. Best effort. */
    static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** CPU time of this JVM (all threads) in nanoseconds. */
    static long selfCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return cpuNanos(ProcessHandle.current().pid());
    }
}
