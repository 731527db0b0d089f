/**
 * Authentication of S3 requests: AWS Signature Version 4 (Authorization header, presigned URLs,
 * aws-chunked streaming uploads with chunk and trailer signatures) and Signature Version 2.
 *
 * <p>A server uses three types: {@link dev.s3aas.common.sigv4.SigV4Verifier} checks the request
 * head and returns an {@link dev.s3aas.common.sigv4.AuthResult};
 * {@link dev.s3aas.common.sigv4.PayloadStreams#decode} turns the body into the object bytes,
 * checking it as the head declared; errors carry an {@link dev.s3aas.common.sigv4.AuthError}
 * named after the S3 error code.
 * <pre>{@code
 * AuthResult auth = verifier.verify(view, virtualHostBucket);   // SigV4Exception -> S3 error
 * try (PayloadInputStream body = PayloadStreams.decode(auth, view, request.getInputStream())) {
 *     body.transferTo(tempFile);                 // PayloadException (an IOException) -> S3 error
 *     String crc = body.trailers().get("x-amz-checksum-crc32c");  // known after end of stream
 *     // compare with the checksum computed while storing, then commit
 * }
 * }</pre>
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Canonical URI: each path segment is percent-decoded and re-encoded with the AWS
 *       UriEncode(); no dot-segment removal or slash merging (S3 signs the path as sent). An
 *       encoded slash stays encoded, a '+' in a path is a plus.</li>
 *   <li>Query: '+' is a space (see {@link dev.s3aas.common.sigv4.QueryParameters}), which the
 *       server's routing must share: use {@code QueryParameters.parse}.</li>
 *   <li>Signatures are compared in constant time, hex signatures in lower case only and SigV2
 *       signatures as base64 text, so no two strings carry the same signature.</li>
 *   <li>Host, the date header used and every x-amz-* header (but x-amz-content-sha256) must be
 *       signed; other headers may be added unsigned.</li>
 *   <li>Bodies are streamed: bytes are returned before their chunk's signature is checked, but
 *       end of stream is only reported after every check passed.</li>
 *   <li>Session tokens are not checked here (no temporary credentials are issued yet).</li>
 * </ul>
 */
package dev.s3aas.common.sigv4;
