package org.confluentcollective.cli.transport;

import java.io.InputStream;

/**
 * Carries one HTTP/1.1 request to confluentd and returns its answer's head and body. Two kinds:
 * {@link UnixSocketTransport} (the local socket, a few classes of the JDK, fast to start) and
 * {@link JettyTransport} (HTTPS with a pinned certificate), so a local call loads no TLS at all.
 */
interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request and waits for the status and headers; the body is then read from the
     * answer's {@code content}, which the caller closes.
     *
     * @param body JSON text, or null for none
     */
    Answer open(String method, String target, String authorization, byte[] body) throws ConnectionException;

    @Override
    void close();

    /** An answer's head and its body, still to be read. */
    record Answer(int status, String reason, String staleHeader, InputStream content) {
    }
}
