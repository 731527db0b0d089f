package dev.s3aas.bench;

/**
 * The content of one object: {@code length} bytes of the shared random buffer starting at {@code offset}.
 * Objects are windows of one buffer so that generating, sending and verifying them allocates nothing.
 */
record Payload(int offset, long length) {
    Payload {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
    }

    /** The part of this payload from {@code start}, {@code partLength} bytes long (a multipart part). */
    Payload part(long start, long partLength) {
        if (start < 0 || partLength < 0 || start + partLength > length) {
            throw new IllegalArgumentException("part outside the payload");
        }
        return new Payload(Math.toIntExact(offset + start), partLength);
    }
}
