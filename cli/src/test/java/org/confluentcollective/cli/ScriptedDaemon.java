package org.confluentcollective.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.trust.MemberIdentity;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A stand-in for confluentd on a Unix socket: answers requests from a script and records them,
 * so tests can check exactly what confluentctl sends.
 */
final class ScriptedDaemon implements AutoCloseable {

    /** A request as received: method, raw (still encoded) path and query, body text, Authorization header. */
    record Exchange(String method, String target, String body, String authorization) {
        @Override
        public String toString() {
            return method + " " + target + (body.isEmpty() ? "" : " " + body);
        }
    }

    private record Answer(int status, String json) {
    }

    /**
     * A 200 answer written piece by piece, as confluentd streams answers about many nodes. Throwing
     * from {@link #write} after the first piece cuts the connection before the end of the answer,
     * as confluentd does when it fails midway.
     */
    @FunctionalInterface
    interface StreamedAnswer {
        void write(Pieces pieces) throws Exception;
    }

    /** Sends each piece at once (a chunk of its own), waiting until it has left. */
    interface Pieces {
        void send(String text) throws Exception;
    }

    private static final String KEYSTORE_PASSWORD = "scripted";

    private final Server server = new Server();
    private final Path socket;
    private final Map<String, Answer> script = new HashMap<>();
    private final Map<String, StreamedAnswer> streamed = new HashMap<>();
    private boolean stale;
    private final List<Exchange> exchanges = new ArrayList<>();

    private final ServerConnector https;

    /** Listens on {@code socket}, and on an ephemeral HTTPS port of 127.0.0.1 with {@code identity}'s certificate. */
    ScriptedDaemon(Path socket, MemberIdentity identity) throws Exception {
        this.socket = socket;
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(identity.keyStore(KEYSTORE_PASSWORD.toCharArray()));
        tls.setKeyStorePassword(KEYSTORE_PASSWORD);
        https = new ServerConnector(server, tls);
        https.setHost("127.0.0.1");
        server.addConnector(https);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String target = request.getHttpURI().getPathQuery();
                Exchange exchange = new Exchange(request.getMethod(), target, Content.Source.asString(request),
                        request.getHeaders().get(HttpHeader.AUTHORIZATION));
                Answer answer;
                StreamedAnswer pieces;
                boolean lockedDown;
                synchronized (ScriptedDaemon.this) {
                    lockedDown = stale;
                    exchanges.add(exchange);
                    pieces = streamed.get(request.getMethod() + " " + target);
                    answer = script.getOrDefault(request.getMethod() + " " + target,
                            new Answer(404, "{\"errorcode\":404,\"error\":\"not scripted: " + target + "\"}"));
                }
                response.setStatus(pieces != null ? 200 : answer.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                if (lockedDown) {
                    response.getHeaders().put("X-Confluent-Stale", "true");
                }
                if (pieces != null) {
                    writePieces(response, pieces, callback);
                } else {
                    Content.Sink.write(response, true, answer.json(), callback);
                }
                return true;
            }
        });
        server.start();
    }

    /** Writes a streamed answer; a failure of the script fails the response, cutting the connection. */
    private static void writePieces(Response response, StreamedAnswer answer, Callback callback) {
        try {
            answer.write(text -> {
                try (Blocker.Callback sent = Blocker.callback()) {
                    response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sent);
                    sent.block();
                }
            });
        } catch (Exception e) {
            callback.failed(e);
            return;
        }
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    Path socket() {
        return socket;
    }

    int httpsPort() {
        return https.getLocalPort();
    }

    /** Answers {@code METHOD target} (raw path and query) with this status and JSON. */
    synchronized ScriptedDaemon on(String methodAndTarget, int status, String json) {
        script.put(methodAndTarget, new Answer(status, json));
        return this;
    }

    /** Answers {@code METHOD target} with 200 and a body written piece by piece by {@code answer}. */
    synchronized ScriptedDaemon onStreamed(String methodAndTarget, StreamedAnswer answer) {
        streamed.put(methodAndTarget, answer);
        return this;
    }

    /** Marks every answer as served without quorum (lock-down), as confluentd does. */
    synchronized ScriptedDaemon stale(boolean lockedDown) {
        stale = lockedDown;
        return this;
    }

    /** Forgets the script and the recorded requests. */
    synchronized void reset() {
        script.clear();
        streamed.clear();
        exchanges.clear();
        stale = false;
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
