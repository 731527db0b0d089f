package dev.s3aas.common.sigv4;

import java.util.Map;

/** Headers sent after an aws-chunked body, e.g. an {@code x-amz-checksum-crc32c} trailer. */
public interface TrailingHeaders {
    /**
     * The trailers received, lower-case names to values; empty when there were none.
     *
     * @throws IllegalStateException before the body was read to its end (and verified)
     */
    Map<String, String> trailers();
}
