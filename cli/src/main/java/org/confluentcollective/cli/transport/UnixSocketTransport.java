package org.confluentcollective.cli.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over confluentd's local socket, written with the JDK's Unix domain channels: one
 * connection per request, closed by the client once the answer is read, a body by
 * {@code Content-Length} or chunked. No {@code Connection: close} is sent: the server would then be
 * free to end a body with the connection, and an answer cut midway (docs/api.md) would look whole. Starting it loads a few dozen classes, where an HTTP client
 * library loads thousands (its TLS included); a local call is most of what confluentctl does, and
 * the JVM's start is most of its time.
 */
final class UnixSocketTransport implements HttpTransport {

    private static final int MAX_HEAD_LINE = 16 * 1024;

    private final Endpoint.UnixSocket endpoint;
    private final Failures failures;
    private final long connectTimeoutMs;
    private final long idleTimeoutMs;

    /**
     * @param connectTimeoutMs how long connecting may block: only while the daemon's queue of
     *                         connections is full, because it takes none (hung, or stopped with kill -STOP)
     * @param idleTimeoutMs    the longest silence of the daemon, as Jetty's idle timeout over HTTPS
     */
    UnixSocketTransport(Endpoint.UnixSocket endpoint, long connectTimeoutMs, long idleTimeoutMs) {
        this.endpoint = endpoint;
        this.failures = new Failures(endpoint);
        this.connectTimeoutMs = connectTimeoutMs;
        this.idleTimeoutMs = idleTimeoutMs;
    }

    @Override
    public Answer open(String method, String target, String authorization, byte[] body) throws ConnectionException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw failures.translate(e);
        }
        IdleGuard guard = IdleGuard.start(channel, connectTimeoutMs);
        try {
            channel.connect(UnixDomainSocketAddress.of(endpoint.path()));
        } catch (IOException e) {
            guard.close();
            throw failures.cannotConnect(guard.expired()
                    ? new IOException("it took no connection for " + TimeUnit.MILLISECONDS.toSeconds(connectTimeoutMs)
                            + " s: hung, or overloaded")
                    : e);
        }
        guard.silenceAllowed(idleTimeoutMs);
        try {
            IOException unsent = send(channel, method, target, authorization, body);
            InputStream in = new BufferedInputStream(guard.watching(Channels.newInputStream(channel)), 16 * 1024);
            try {
                return readHead(in, guard, method);
            } catch (IOException e) {
                if (unsent != null) {
                    e.addSuppressed(unsent);
                }
                throw e;
            }
        } catch (IOException e) {
            guard.close();
            throw failures.translate(e);
        }
    }

    /**
     * Writes the request. A failure to write is returned rather than thrown: the server may have
     * answered already (a body too large is refused before it is all read), and its answer says more.
     */
    private static IOException send(SocketChannel channel, String method, String target, String authorization,
                                    byte[] body) {
        StringBuilder head = new StringBuilder(256 + target.length())
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nAccept: application/json\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static Answer readHead(InputStream in, IdleGuard guard, String method) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + abbreviate(statusLine));
        }
        String reason = parts.length > 2 ? parts[2] : "";
        long length = -1;
        boolean chunked = false;
        String stale = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "x-confluent-stale" -> stale = value;
                default -> {
                    // not needed
                }
            }
        }
        InputStream body;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = new Bounded(in, 0);
        } else if (chunked) {
            body = new Chunked(in);
        } else if (length >= 0) {
            body = new Bounded(in, length);
        } else {
            body = in; // up to the end of the connection
        }
        return new Answer(status, reason, stale, new Closing(body, guard));
    }

    /** A line of the head, without its CRLF; the end of the connection before it ends is an EOFException. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException();
            }
            if (line.size() >= MAX_HEAD_LINE) {
                throw new IOException("a line of the answer's head is longer than " + MAX_HEAD_LINE + " bytes");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // going away either way
        }
    }

    @Override
    public void close() {
        // one connection per request, closed with its answer
    }

    /** A body of a known length; ending early is an EOFException. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
            return n;
        }
    }

    /**
     * A chunked body; a connection that ends before the last chunk is an EOFException. The CRLF after
     * a chunk's data is read with the next chunk's size: a server may send it only then (Jetty does),
     * and waiting for it would hold back a chunk already here.
     */
    private static final class Chunked extends FilterInputStream {
        private long left;
        private boolean started;
        private boolean done;

        Chunked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                if (started && !readLine(in).isEmpty()) {
                    throw new IOException("bad chunked answer: no CRLF after a chunk");
                }
                started = true;
                String size = readLine(in);
                int semicolon = size.indexOf(';');
                try {
                    left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size in the answer: " + abbreviate(size));
                }
                if (left == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
            return n;
        }
    }

    /** Closing the body closes the connection. */
    private static final class Closing extends FilterInputStream {
        private final IdleGuard guard;

        Closing(InputStream in, IdleGuard guard) {
            super(in);
            this.guard = guard;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            guard.close();
        }
    }

    /**
     * Closes the connection when the daemon has sent nothing for the idle timeout (a blocking connect
     * or read of a channel cannot time out by itself); the read then fails saying so. One daemon
     * thread per request.
     */
    private static final class IdleGuard implements Runnable, AutoCloseable {
        private final SocketChannel channel;
        private volatile long timeoutNanos;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean closed;
        private volatile boolean expired;
        private Thread thread;

        private IdleGuard(SocketChannel channel, long timeoutMs) {
            this.channel = channel;
            this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        }

        static IdleGuard start(SocketChannel channel, long timeoutMs) {
            IdleGuard guard = new IdleGuard(channel, timeoutMs);
            guard.thread = new Thread(guard, "confluentctl-idle-timeout");
            guard.thread.setDaemon(true);
            guard.thread.start();
            return guard;
        }

        /** From now on, the daemon may be silent for {@code timeoutMs}: connected, it works on the request. */
        void silenceAllowed(long timeoutMs) {
            lastActivity = System.nanoTime();
            timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        }

        boolean expired() {
            return expired;
        }

        /** The connection's bytes; each read counts as activity, and one cut by the timeout says so. */
        InputStream watching(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = in.read(b, off, len);
                        lastActivity = System.nanoTime();
                        return n;
                    } catch (IOException e) {
                        if (expired) {
                            // without the cause: messages give the innermost cause, here only "closed"
                            throw new IOException("nothing received for "
                                    + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
                        }
                        throw e;
                    }
                }
            };
        }

        @Override
        public void run() {
            while (!closed) {
                long idle = System.nanoTime() - lastActivity;
                if (idle >= timeoutNanos) {
                    expired = true;
                    closeQuietly(channel);
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.sleep(timeoutNanos - idle);
                } catch (InterruptedException e) {
                    return; // closed
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            closeQuietly(channel);
        }
    }
}
