package dev.s3aas.common.sigv4;

import java.io.InputStream;
import java.util.Random;

/** Returns between 1 and {@code maxRead} bytes per read, like a slow network. */
final class DribblingInputStream extends InputStream {
    private final byte[] data;
    private final int maxRead;
    private final Random random;
    private int pos;

    DribblingInputStream(byte[] data, int maxRead, long seed) {
        this.data = data;
        this.maxRead = maxRead;
        this.random = new Random(seed);
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= data.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxRead));
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }
}
