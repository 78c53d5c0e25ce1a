package org.confluentcollective.cli.zk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in for confluentd on a Unix socket that answers from a script and records each request
 * as {@code METHOD raw-path-and-query}, so tests see exactly what confluentctl sends.
 */
final class ScriptedApi implements AutoCloseable {

    private record Answer(int status, String json) {
    }

    private final Server server = new Server();
    private final Path socket;
    private final Map<String, Answer> script = new HashMap<>();
    private final List<String> requests = new ArrayList<>();

    ScriptedApi(Path socket) throws Exception {
        this.socket = socket;
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String exchange = request.getMethod() + " " + request.getHttpURI().getPathQuery();
                Answer answer;
                synchronized (ScriptedApi.this) {
                    requests.add(exchange);
                    answer = script.getOrDefault(exchange,
                            new Answer(404, "{\"errorcode\":404,\"error\":\"not scripted: " + exchange + "\"}"));
                }
                response.setStatus(answer.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, answer.json(), callback);
                return true;
            }
        });
        server.start();
    }

    Path socket() {
        return socket;
    }

    /** Answers {@code METHOD target} (raw path and query) with this status and JSON. */
    synchronized ScriptedApi on(String methodAndTarget, int status, String json) {
        script.put(methodAndTarget, new Answer(status, json));
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized void reset() {
        script.clear();
        requests.clear();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
