package org.confluentcollective.web.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.confluentcollective.web.errors.ApiException;

/**
 * Counts what is actually read and fails past the limit, so neither a lying Content-Length nor
 * an endless chunked body can make the server buffer more than the limit.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long consumed;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        consumed += n;
        if (consumed > limit) {
            throw tooLarge(limit);
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "request body is larger than the limit of " + limit + " bytes");
    }
}
