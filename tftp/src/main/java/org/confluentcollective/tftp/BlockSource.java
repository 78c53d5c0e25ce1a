package org.confluentcollective.tftp;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The file cut into blocks, read strictly in order: the transfer keeps the unacknowledged
 * blocks itself, so a rollback never reads backwards and netascii needs no offsets map.
 */
final class BlockSource implements Closeable {

    private final InputStream in;

    BlockSource(InputStream file, boolean netascii) {
        InputStream buffered = new BufferedInputStream(file, 1 << 16);
        this.in = netascii ? new NetasciiInputStream(buffered) : buffered;
    }

    /** Fills {@code block} from {@code offset}; fewer than {@code size} bytes means the last block. */
    int next(byte[] block, int offset, int size) throws IOException {
        return in.readNBytes(block, offset, size);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** RFC 764 netascii as tftpd-hpa sends it: LF becomes CR LF, CR becomes CR NUL. */
    static final class NetasciiInputStream extends InputStream {
        private final InputStream in;
        private int pending = -1;

        NetasciiInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (pending >= 0) {
                int c = pending;
                pending = -1;
                return c;
            }
            int c = in.read();
            if (c == '\n') {
                pending = '\n';
                return '\r';
            }
            if (c == '\r') {
                pending = 0;
                return '\r';
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
