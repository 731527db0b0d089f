package dev.s3aas.bench;

/**
 * Object names and which payload each holds. GETs read a fixed set of objects written before the first
 * repetition; PUTs cycle each worker through its own slots, bounding the data a cell leaves on disk to about
 * 1 GiB per participant (overwrites are part of the workload, as they are of any long-running store).
 * Only unreserved characters and '/' are used, so the lean client's paths need no encoding.
 */
final class Keys {
    private static final long PUT_BUDGET = 1L << 30;
    private static final long GET_BUDGET = 512L << 20;

    private Keys() {}

    /** How many objects GET cells of this size read: 256 small ones, fewer big ones (at least 8). */
    static int getObjects(long size) {
        return (int) Math.max(8, Math.min(256, GET_BUDGET / size));
    }

    static String getKey(long size, int index) {
        return "get/" + ByteSizes.shortName(size) + "/" + index;
    }

    /** The payload index of GET object {@code index} (its content is a function of its name). */
    static int getPayloadIndex(int index) {
        return index;
    }

    /** Which GET object a worker's {@code seq}-th request reads: workers start spread out over the set. */
    static int getIndex(long size, int worker, long seq) {
        return (int) Math.floorMod(worker * 7919L + seq, (long) getObjects(size));
    }

    static int putSlots(long size, int concurrency) {
        return (int) Math.max(1, Math.min(10_000, PUT_BUDGET / (size * concurrency)));
    }

    static String putKey(Cell cell, int worker, long seq) {
        return "put/" + ByteSizes.shortName(cell.size()) + "/c" + cell.concurrency() + "/w" + worker + "/"
                + seq % putSlots(cell.size(), cell.concurrency());
    }
}
