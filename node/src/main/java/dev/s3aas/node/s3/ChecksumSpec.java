package dev.s3aas.node.s3;

import dev.s3aas.common.checksum.ChecksumAlgorithm;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The additional checksum a client asked for on an upload (S3 "Checking object integrity"): the algorithm,
 * and where its value comes from — an {@code x-amz-checksum-<alg>} header, a trailer announced by
 * {@code x-amz-trailer} (newer SDKs), or nowhere (the client only named the algorithm with
 * {@code x-amz-sdk-checksum-algorithm}, and the server computes and returns it).
 */
record ChecksumSpec(ChecksumAlgorithm algorithm, Supplier<String> expected) {
    static final ChecksumSpec NONE = new ChecksumSpec(null, () -> null);

    static ChecksumSpec fromRequest(S3Exchange ex) throws S3Exception {
        ChecksumAlgorithm fromHeader = null;
        String headerValue = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = ex.header(a.headerName());
            if (v != null) {
                if (fromHeader != null) {
                    throw new S3Exception(S3ErrorCode.InvalidRequest, "Expecting a single x-amz-checksum- header. "
                            + "Multiple checksum Types are not allowed.");
                }
                fromHeader = a;
                headerValue = v.trim();
            }
        }
        ChecksumAlgorithm named = named(ex);
        String trailer = ex.header("x-amz-trailer");
        ChecksumAlgorithm fromTrailer = null;
        if (trailer != null && !trailer.isBlank()) {
            fromTrailer = byHeaderName(trailer.trim().toLowerCase(Locale.ROOT));
        }
        if (fromHeader != null && fromTrailer != null) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Expecting a single x-amz-checksum- header.");
        }
        ChecksumAlgorithm chosen = fromHeader != null ? fromHeader : fromTrailer != null ? fromTrailer : named;
        if (chosen == null) {
            return NONE;
        }
        if (named != null && named != chosen) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }
        if (fromHeader != null) {
            validateEncoding(chosen, headerValue);
            String value = headerValue;
            return new ChecksumSpec(chosen, () -> value);
        }
        if (fromTrailer != null) {
            String name = chosen.headerName();
            return new ChecksumSpec(chosen, () -> ex.trailers().get(name));
        }
        return new ChecksumSpec(chosen, () -> null);
    }

    private static ChecksumAlgorithm named(S3Exchange ex) throws S3Exception {
        String v = ex.header("x-amz-sdk-checksum-algorithm");
        if (v == null) {
            v = ex.header("x-amz-checksum-algorithm");
        }
        if (v == null || v.isBlank()) {
            return null;
        }
        return ChecksumAlgorithm.parse(v.trim()).orElseThrow(() -> new S3Exception(S3ErrorCode.InvalidRequest,
                "Value for x-amz-sdk-checksum-algorithm header is invalid."));
    }

    private static ChecksumAlgorithm byHeaderName(String name) throws S3Exception {
        return ChecksumAlgorithm.fromHeaderName(name).orElseThrow(() -> new S3Exception(S3ErrorCode.InvalidRequest,
                "The value specified in the x-amz-trailer header is not supported"));
    }

    private static void validateEncoding(ChecksumAlgorithm a, String value) throws S3Exception {
        try {
            byte[] raw = Base64.getDecoder().decode(value);
            if (raw.length != a.digestLength()) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Value for " + a.headerName() + " header is invalid.");
        }
    }
}
