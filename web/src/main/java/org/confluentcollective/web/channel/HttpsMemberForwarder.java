package org.confluentcollective.web.channel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.confluentcollective.server.api.MemberAddress;
import org.confluentcollective.server.api.MemberForwarder;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.MemberCredentials;

/**
 * Forwards a share of a node operation to its manager's member API ({@code POST
 * /collective/nodeoperations}): mutual TLS, this member's certificate on one side and exactly the
 * manager's pinned certificate on the other. One client per member certificate, reused.
 */
public final class HttpsMemberForwarder implements MemberForwarder {

    /** Where a member takes forwarded shares (the member API only). */
    public static final String PATH = "/collective/nodeoperations";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final MemberCredentials identity;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public HttpsMemberForwarder(MemberCredentials identity) {
        this.identity = identity;
    }

    @Override
    public Map<String, NodeResult> forward(MemberAddress member, NodeOperation operation, List<String> nodes,
                                           Duration timeout) {
        HttpClient client = clients.computeIfAbsent(member.fingerprint(), fingerprint -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(identity.pinnedContext(fingerprint))
                .connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
                .build());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", operation.resource());
        body.put("change", operation.change());
        body.put("input", operation.input());
        body.put("nodes", nodes);
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + hostPort(member) + PATH))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            // Asynchronous with our own bound: a member that accepts and never finishes the handshake
            // must not hold the caller past its timeout.
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable(member, "no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw unavailable(member, describe(cause));
        } catch (IOException e) {
            throw unavailable(member, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(member, "interrupted");
        }
        if (response.statusCode() != 200) {
            throw unavailable(member, "it answered HTTP " + response.statusCode() + errorOf(response.body()));
        }
        return results(member, response.body());
    }

    private Map<String, NodeResult> results(MemberAddress member, byte[] body) {
        Map<String, NodeResult> results = new LinkedHashMap<>();
        try {
            JsonNode byNode = json.readTree(body).path("databynode");
            for (Iterator<Map.Entry<String, JsonNode>> it = byNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = entry.getValue();
                if (value.has("error")) {
                    results.put(entry.getKey(), NodeResult.failed(value.path("errorcode").asInt(500),
                            value.path("error").asText()));
                } else {
                    results.put(entry.getKey(), NodeResult.of(json.convertValue(value,
                            new TypeReference<Map<String, Object>>() { })));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable(member, "its answer cannot be read: " + e.getMessage());
        }
        return results;
    }

    private String errorOf(byte[] body) {
        try {
            String error = json.readTree(body).path("error").asText("");
            return error.isEmpty() ? "" : ": " + error;
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof java.net.ConnectException) {
            return "connection refused" + (message == null ? "" : " (" + message + ")");
        }
        if (failure instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + message + " (is its certificate still the one registered?)";
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static RequestException unavailable(MemberAddress member, String why) {
        return new RequestException(RequestException.Kind.UNAVAILABLE, member + ": " + why);
    }

    private static String hostPort(MemberAddress member) {
        String host = member.address().indexOf(':') >= 0 ? "[" + member.address() + "]" : member.address();
        return host + ":" + member.memberPort();
    }
}
