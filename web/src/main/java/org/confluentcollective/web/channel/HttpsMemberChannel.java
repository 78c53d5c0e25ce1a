package org.confluentcollective.web.channel;

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
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.api.JoinEndpoints;
import org.confluentcollective.server.api.MemberCredentials;
import org.confluentcollective.server.api.MemberChannel;
import org.confluentcollective.web.errors.RequestExceptionMapper;

/**
 * The member channel over HTTPS. The joiner's half of the join (design.md §3): learns the certificate of the member it
 * contacts, proves the token bound to both certificates, and accepts the answer only if that
 * member proves the token too, over the same certificate pair. No certificate is trusted
 * before that: the proofs are what authenticate both sides.
 */
public final class HttpsMemberChannel implements MemberChannel {

    /** The HTTPS API port used when the member address names none. */
    static final int DEFAULT_PORT = 4005;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MemberCredentials identity;
    private final ObjectMapper json = new ObjectMapper();

    public HttpsMemberChannel(MemberCredentials identity) {
        this.identity = identity;
    }

    @Override
    public Enrollment enroll(String server, InviteToken token, String version, JoinEndpoints me) {
        InetSocketAddress address = parseServer(server);
        // No member is known yet: the inviter is authenticated by its proof over the certificate it presents.
        javax.net.ssl.SSLContext context = identity.unverifiedContext();
        X509Certificate inviterCert = certificateOf(context, address);
        byte[] verifier = token.verifier();

        ObjectNode body = json.createObjectNode()
                .put(EnrollMessage.NAME, token.name())
                .put(EnrollMessage.PROOF, Base64.getEncoder().encodeToString(
                        InviteToken.proof(verifier, inviterCert, identity.certificate())))
                .put(EnrollMessage.VERSION, version)
                .put(EnrollMessage.ADDRESS, me.address())
                .put(EnrollMessage.HTTPS_PORT, me.httpsPort())
                .put(EnrollMessage.MEMBER_PORT, me.memberPort())
                .put(EnrollMessage.QUORUM_PORT, me.quorumPort())
                .put(EnrollMessage.ELECTION_PORT, me.electionPort())
                .put(EnrollMessage.CLIENT_PORT, me.clientPort());
        HttpResponse<byte[]> response;
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(TIMEOUT).build();
            response = client.send(HttpRequest.newBuilder(URI.create("https://" + hostPort(address)
                            + EnrollMessage.PATH))
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
        return new RequestException(RequestExceptionMapper.refusalKind(response.statusCode()), "the member at " + server + " refused the join: " + reason);
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
