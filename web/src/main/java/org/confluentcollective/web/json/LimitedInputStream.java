package org.confluentcollective.web.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.confluentcollective.web.errors.ApiException;

/**
 * Counts what is actually read and fails past the limit, so neither a lying Content-Length nor
 * an endless chunked body can make the server buffer more than the limit.
 */
final class LimitedInputStream extends FilterInputStream {

    /**
     * How much of an oversized body is read and thrown away before answering 413: a client that
     * is still sending when the server closes the connection gets a reset instead of the answer.
     * Beyond this the connection is simply closed.
     */
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final long limit;
    private final long deadlineNanos;
    private long consumed;

    /**
     * @param deadline the time the whole body may take: a client trickling a byte now and then
     *                 never trips the idle timeout, but holds a thread; past it the read fails (408)
     */
    LimitedInputStream(InputStream in, long limit, Duration deadline) {
        super(in);
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
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

    private void count(long n) throws IOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new IOException(new TimeoutException("the request body took longer than allowed"));
        }
        consumed += n;
        if (consumed > limit) {
            throw tooLarge(in, limit);
        }
    }

    /** Discards what remains of the body (up to {@link #DISCARD_LIMIT}) and makes the 413. */
    static ApiException tooLarge(InputStream body, long limit) {
        byte[] sink = new byte[16 * 1024];
        long discarded = 0;
        try {
            int n;
            while (discarded < DISCARD_LIMIT && (n = body.read(sink)) >= 0) {
                discarded += n;
            }
        } catch (IOException e) {
            // The client went away or stalled; the answer goes out (or not) all the same.
        }
        return new ApiException(413, "request body is larger than the limit of " + limit + " bytes");
    }
}
