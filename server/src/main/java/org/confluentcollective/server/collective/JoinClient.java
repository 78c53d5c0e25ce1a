package org.confluentcollective.server.collective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.trust.AnyCertificate;
import org.confluentcollective.server.trust.MemberIdentity;

/**
 * The joiner's half of the join (design.md §3): learns the certificate of the member it
 * contacts, proves the token bound to both certificates, and accepts the answer only if that
 * member proves the token too, over the same certificate pair. No certificate is trusted
 * before that: the proofs are what authenticate both sides.
 */
public final class JoinClient {

    /** The HTTPS API port used when the member address names none. */
    public static final int DEFAULT_PORT = 4005;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MemberIdentity identity;
    private final ObjectMapper json = new ObjectMapper();

    public JoinClient(MemberIdentity identity) {
        this.identity = identity;
    }

    /**
     * The ports a joiner tells the collective.
     *
     * @param address      where other members reach the joiner
     * @param httpsPort    HTTPS API
     * @param memberPort   member API
     * @param quorumPort   ZooKeeper quorum port
     * @param electionPort ZooKeeper election port
     * @param clientPort   ZooKeeper TLS client port
     */
    public record Endpoints(String address, int httpsPort, int memberPort, int quorumPort, int electionPort,
                            int clientPort) {
    }

    /**
     * Enrolls with the member at {@code server} ({@code host[:port]}).
     *
     * @throws RequestException FORBIDDEN/CONFLICT with the member's reason when it refuses,
     *     UNAVAILABLE when it cannot be reached, FORBIDDEN when its proof is wrong
     */
    public Enrollment enroll(String server, InviteToken token, String version, Endpoints me) {
        InetSocketAddress address = parseServer(server);
        // No member is known yet: the inviter is authenticated by its proof over the certificate it presents.
        javax.net.ssl.SSLContext context = identity.sslContext(new AnyCertificate());
        X509Certificate inviterCert = certificateOf(context, address);
        byte[] verifier = token.verifier();

        ObjectNode body = json.createObjectNode()
                .put("name", token.name())
                .put("proof", Base64.getEncoder().encodeToString(
                        InviteToken.proof(verifier, inviterCert, identity.certificate())))
                .put("version", version)
                .put("address", me.address())
                .put("httpsport", me.httpsPort())
                .put("memberport", me.memberPort())
                .put("quorumport", me.quorumPort())
                .put("electionport", me.electionPort())
                .put("clientport", me.clientPort());
        HttpResponse<byte[]> response;
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(TIMEOUT).build();
            response = client.send(HttpRequest.newBuilder(URI.create("https://" + hostPort(address)
                            + "/collective/enroll"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(server, e);
        }
        X509Certificate answering = peerCertificate(response);
        if (!answering.equals(inviterCert)) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "the member at " + server + " changed its certificate during the join; refusing it");
        }
        if (response.statusCode() != 200) {
            throw refusal(server, response);
        }
        Enrollment enrollment;
        try {
            enrollment = json.readValue(response.body(), Enrollment.class);
        } catch (IOException e) {
            throw new RequestException(RequestException.Kind.UNAVAILABLE,
                    "the member at " + server + " sent an unreadable answer: " + e.getMessage(), e);
        }
        byte[] expected = InviteToken.proof(verifier, identity.certificate(), inviterCert);
        if (!InviteToken.sameProof(expected, enrollment.approval())) {
            throw new RequestException(RequestException.Kind.FORBIDDEN, "bad server token: the member at " + server
                    + " could not prove it knows the invitation; it may be an impostor");
        }
        if (!token.name().equals(enrollment.name())) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "the member at " + server + " enrolled another name: " + enrollment.name());
        }
        return enrollment;
    }

    private static X509Certificate certificateOf(javax.net.ssl.SSLContext context, InetSocketAddress address) {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(address, (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        } catch (IOException e) {
            throw unreachable(hostPort(address), e);
        }
    }

    private static X509Certificate peerCertificate(HttpResponse<?> response) {
        try {
            return (X509Certificate) response.sslSession()
                    .orElseThrow(() -> new SSLPeerUnverifiedException("no TLS session"))
                    .getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException e) {
            throw new RequestException(RequestException.Kind.FORBIDDEN, "the member sent no certificate", e);
        }
    }

    private RequestException refusal(String server, HttpResponse<byte[]> response) {
        String reason;
        try {
            JsonNode error = json.readTree(response.body());
            reason = error.path("error").asText("HTTP " + response.statusCode());
        } catch (IOException e) {
            reason = "HTTP " + response.statusCode();
        }
        RequestException.Kind kind = switch (response.statusCode()) {
            case 400 -> RequestException.Kind.BAD_REQUEST;
            case 403, 401 -> RequestException.Kind.FORBIDDEN;
            case 409 -> RequestException.Kind.CONFLICT;
            case 404 -> RequestException.Kind.NOT_FOUND;
            default -> RequestException.Kind.UNAVAILABLE;
        };
        return new RequestException(kind, "the member at " + server + " refused the join: " + reason);
    }

    private static RequestException unreachable(String server, Exception e) {
        return new RequestException(RequestException.Kind.UNAVAILABLE,
                "failed to connect to " + server + ": " + e.getMessage(), e);
    }

    static InetSocketAddress parseServer(String server) {
        String text = server == null ? "" : server.strip();
        if (text.isEmpty()) {
            throw RequestException.badRequest("name the member to join: HOST[:PORT]");
        }
        int port = DEFAULT_PORT;
        String host = text;
        int colon = text.lastIndexOf(':');
        if (colon > 0 && text.indexOf(':') == colon) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw RequestException.badRequest("bad port in '" + server + "'");
            }
        }
        if (port < 1 || port > 65535) {
            throw RequestException.badRequest("bad port in '" + server + "'");
        }
        return new InetSocketAddress(host, port);
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
