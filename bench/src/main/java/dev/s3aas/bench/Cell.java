package dev.s3aas.bench;

/** One cell of the benchmark matrix: one operation on objects of one size at one concurrency. */
record Cell(Op op, long size, int concurrency) {
    Cell {
        if (size < 1 || concurrency < 1) {
            throw new IllegalArgumentException("size and concurrency must be positive");
        }
    }

    /** Human label, e.g. "PUT 4 KiB c=64". */
    String label() {
        return op + " " + ByteSizes.format(size) + " c=" + concurrency;
    }

    /** Stable id for the machine-readable output, e.g. "put-4k-c64". */
    String id() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + "-" + ByteSizes.shortName(size) + "-c" + concurrency;
    }
}
