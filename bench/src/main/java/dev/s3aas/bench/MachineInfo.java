package dev.s3aas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a result was measured on, as docs/benchmarks.md records it. */
record MachineInfo(int cpus, String cpuModel, long memoryBytes, String filesystem, String jdk, String kernel) {

    static MachineInfo collect(Path dataDir) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(), mountOf(dataDir),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    String describe() {
        return cpus + " CPUs (" + cpuModel + "), " + memoryBytes / ByteSizes.MIB + " MiB RAM, data on " + filesystem
                + ", " + jdk + ", " + kernel;
    }

    private static String readCpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static long readMemory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** The mount (from /proc/mounts) holding {@code dir}: the longest mount point that is a prefix of it. */
    private static String mountOf(Path dir) {
        String path;
        try {
            path = dir.toRealPath().toString();
        } catch (IOException e) {
            path = dir.toAbsolutePath().toString();
        }
        String best = "unknown filesystem";
        int bestLength = -1;
        for (String line : lines("/proc/mounts")) {
            String[] f = line.split(" ");
            if (f.length >= 3 && (path.equals(f[1]) || path.startsWith(f[1].endsWith("/") ? f[1] : f[1] + "/"))
                    && f[1].length() > bestLength) {
                bestLength = f[1].length();
                best = f[2] + " (" + f[0] + " on " + f[1] + ")";
            }
        }
        return best;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
