/**
 * Checksums of S3 objects: the additional checksum algorithms
 * ({@link dev.s3aas.common.checksum.ChecksumAlgorithm}: CRC32, CRC32C, SHA1, SHA256 and the
 * hand-written {@link dev.s3aas.common.checksum.Crc64Nvme}), multipart COMPOSITE and FULL_OBJECT
 * checksums ({@link dev.s3aas.common.checksum.MultipartChecksums}), MD5 and SHA digests
 * ({@link dev.s3aas.common.checksum.Digests}) and lower-case hex ({@link
 * dev.s3aas.common.checksum.Hex}, for ETags and SigV4).
 */
package dev.s3aas.common.checksum;
