package dev.s3aas.common.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.zip.Checksum;

/** The two shapes of {@link ChecksumDigest}: a JDK {@link Checksum} CRC or a message digest. */
final class ChecksumDigests {
    private ChecksumDigests() {
    }

    /** A CRC of {@code widthBytes} bytes, rendered big-endian as S3 expects. */
    static final class Crc implements ChecksumDigest {
        private final ChecksumAlgorithm algorithm;
        private final Checksum crc;
        private final int widthBytes;

        Crc(ChecksumAlgorithm algorithm, Checksum crc, int widthBytes) {
            this.algorithm = algorithm;
            this.crc = crc;
            this.widthBytes = widthBytes;
        }

        @Override
        public ChecksumAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            crc.update(bytes, offset, length);
        }

        @Override
        public void update(ByteBuffer buffer) {
            crc.update(buffer);
        }

        @Override
        public byte[] finish() {
            long value = crc.getValue();
            crc.reset();
            return toBigEndian(value, widthBytes);
        }

        @Override
        public void reset() {
            crc.reset();
        }
    }

    /** SHA-1 or SHA-256 through the JDK's {@link MessageDigest}. */
    static final class Message implements ChecksumDigest {
        private final ChecksumAlgorithm algorithm;
        private final MessageDigest digest;

        Message(ChecksumAlgorithm algorithm, MessageDigest digest) {
            this.algorithm = algorithm;
            this.digest = digest;
        }

        @Override
        public ChecksumAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        public void update(ByteBuffer buffer) {
            digest.update(buffer);
        }

        @Override
        public byte[] finish() {
            return digest.digest();
        }

        @Override
        public void reset() {
            digest.reset();
        }
    }

    static byte[] toBigEndian(long value, int widthBytes) {
        byte[] out = new byte[widthBytes];
        for (int i = widthBytes - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    static long fromBigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
