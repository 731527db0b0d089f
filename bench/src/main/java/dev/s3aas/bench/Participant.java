package dev.s3aas.bench;

import java.nio.file.Path;

/** Something the workload runs against: an S3 server, or the raw disk under the servers' data dirs. */
sealed interface Participant permits Participant.Server, Participant.RawDisk {
    String name();

    /** The process to measure CPU and peak RSS of, or -1 when the benchmark cannot see it. */
    long pid();

    /**
     * An S3 server.
     *
     * @param fsyncs whether it makes every acknowledged write durable (printed next to its numbers)
     * @param multipart whether it implements multipart upload (probed at start)
     * @param description how it was started (version, JVM flags), for the report
     */
    record Server(String name, Endpoint endpoint, long pid, boolean fsyncs, boolean multipart, String description)
            implements Participant {
        Server withMultipart(boolean supported) {
            return new Server(name, endpoint, pid, fsyncs, supported, description);
        }
    }

    /** Files written with write + fsync and read back, in {@code dir}, in this process. */
    record RawDisk(Path dir) implements Participant {
        @Override
        public String name() {
            return "raw disk";
        }

        @Override
        public long pid() {
            return -1;
        }
    }
}
