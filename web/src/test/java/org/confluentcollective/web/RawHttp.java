package org.confluentcollective.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Bytes exactly as given, over TLS or the Unix socket, and the answer as the server sent it:
 * for what no well-behaved client can send (bad request lines, chunk sizes, stalled bodies).
 */
final class RawHttp implements AutoCloseable {

    private final AutoCloseable connection;
    private final InputStream in;
    private final OutputStream out;
    private final Socket socket;

    private RawHttp(AutoCloseable connection, InputStream in, OutputStream out, Socket socket) {
        this.connection = connection;
        this.in = in;
        this.out = out;
        this.socket = socket;
    }

    /** TLS to {@code port} on loopback; the test trusts whatever certificate the server shows. */
    static RawHttp tls(int port, Duration readTimeout) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket();
        tls.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        tls.setSoTimeout((int) readTimeout.toMillis());
        tls.startHandshake();
        return new RawHttp(tls, tls.getInputStream(), tls.getOutputStream(), tls);
    }

    /** TLS to {@code port} on loopback with {@code context}'s key and trust (a member's, say). */
    static RawHttp tls(SSLContext context, int port, Duration readTimeout) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket();
        tls.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        tls.setSoTimeout((int) readTimeout.toMillis());
        tls.startHandshake();
        return new RawHttp(tls, tls.getInputStream(), tls.getOutputStream(), tls);
    }

    /** Plain HTTP to {@code port} on loopback (the deployment port). */
    static RawHttp plain(int port, Duration readTimeout) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        plain.setSoTimeout((int) readTimeout.toMillis());
        return new RawHttp(plain, plain.getInputStream(), plain.getOutputStream(), plain);
    }

    /** The Unix socket; reads block without a timeout, so only send what is answered. */
    static RawHttp unix(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        return new RawHttp(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel), null);
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Ends what this side sends (the server reads the end of the body) and keeps reading. */
    RawHttp endOutput() throws IOException {
        if (socket == null) {
            ((SocketChannel) connection).shutdownOutput();
        } else {
            socket.shutdownOutput();
        }
        return this;
    }

    /** One answer: status line, headers and a body of Content-Length (or up to the close). */
    Reply read() throws IOException {
        String head = readHead();
        while (head.startsWith("HTTP/1.1 1")) {
            head = readHead(); // an interim answer (100 Continue)
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\ncontent-length:");
        byte[] body;
        if (at >= 0) {
            int end = lower.indexOf('\r', at + 1);
            int length = Integer.parseInt(head.substring(at + 16, end).trim());
            body = in.readNBytes(length);
        } else if (lower.contains("\ntransfer-encoding: chunked")) {
            body = readChunked();
        } else {
            body = readToClose();
        }
        return new Reply(status, head, new String(body, StandardCharsets.UTF_8));
    }

    /** Only the status line and headers of an answer, leaving its body unread. */
    String head() throws IOException {
        return readHead();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                readLine();
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine();
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private byte[] readToClose() throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }

    /** Whether the server has closed the connection (reads end) within the read timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return !(e instanceof SocketTimeoutException);
        }
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.close();
        } else {
            connection.close();
        }
    }

    record Reply(int status, String head, String body) {
        @Override
        public String toString() {
            return head + body;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
