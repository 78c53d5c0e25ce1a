package org.confluentcollective.testkit.faults;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Transport;

/**
 * Raw HTTP over members' root Unix sockets: status, body and the stale header as they came,
 * because the history must classify every answer itself (cli's ApiClient turns them into errors).
 * One instance serves every member and thread.
 */
public final class Rest implements AutoCloseable {

    static final String STALE_HEADER = "X-Confluent-Stale";

    /** One answer. */
    public record Reply(int status, String body, boolean stale) {
    }

    /** No answer: {@code sent} is false only when no connection was ever made (nothing can have been applied). */
    public static final class NoReply extends Exception {
        public final boolean sent;

        NoReply(String message, boolean sent, Throwable cause) {
            super(message, cause);
            this.sent = sent;
        }
    }

    private final HttpClient http = new HttpClient();
    private final Duration timeout;

    public Rest(Duration timeout) throws Exception {
        this.timeout = timeout;
        http.setConnectTimeout(2_000);
        http.setMaxConnectionsPerDestination(64);
        http.start();
    }

    public Reply call(Path socket, HttpMethod method, String path, String body) throws NoReply, InterruptedException {
        Request request = http.newRequest("http://localhost" + path)
                .transport(new Transport.TCPUnix(socket))
                .method(method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (body != null) {
            request.body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
        }
        try {
            ContentResponse response = request.send();
            return new Reply(response.getStatus(), response.getContentAsString(),
                    "true".equals(response.getHeaders().get(STALE_HEADER)));
        } catch (TimeoutException e) {
            throw new NoReply("timed out after " + timeout.toMillis() + " ms", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean neverConnected = cause instanceof ConnectException || cause instanceof NoSuchFileException;
            throw new NoReply(String.valueOf(cause), !neverConnected, cause);
        }
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
