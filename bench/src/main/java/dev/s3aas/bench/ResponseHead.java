package dev.s3aas.bench;

/** A parsed response head: what the client needs to frame the body and keep (or drop) the connection. */
record ResponseHead(int status, long contentLength, boolean chunked, boolean close, String etag) {
}
