package org.confluentcollective.hardware.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.BmcTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in connection to a Redfish service: every exchange bounded by the target's timeout,
 * transport and HTTP failures turned into BmcExceptions that name the BMC and the resource.
 */
final class RedfishSession {

    private static final Logger LOG = LoggerFactory.getLogger(RedfishSession.class);
    private static final String ROOT = "/redfish/v1/";

    /** One HTTP answer; {@code body} is MissingNode when empty. */
    record Reply(int status, HttpHeaders headers, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** 404, 405 and 501: the service has no such resource or action. */
        boolean absent() {
            return status == 404 || status == 405 || status == 501;
        }
    }

    private final BmcTarget target;
    private final HttpClient http;
    private final PinningTrustManager trust;
    private final ObjectMapper json;
    private final URI base;
    private final String bmc;
    private String authorizationName;
    private String authorizationValue;
    private Optional<String> sessionPath = Optional.empty();
    private JsonNode root;

    private RedfishSession(BmcTarget target, HttpClient http, PinningTrustManager trust, ObjectMapper json,
                           URI base) {
        this.target = target;
        this.http = http;
        this.trust = trust;
        this.json = json;
        this.base = base;
        this.bmc = target.node() + ": BMC " + target.endpoint();
    }

    /**
     * Logs in: a session from the service's session service, or HTTP Basic when it has none or
     * refuses one. Checks the credentials by reading the service root and the Systems collection.
     */
    static RedfishSession login(BmcTarget target, HttpClient http, PinningTrustManager trust, ObjectMapper json,
                                URI base) throws BmcException {
        RedfishSession session = new RedfishSession(target, http, trust, json, base);
        try {
            session.start();
        } catch (BmcException | RuntimeException e) {
            session.logout();
            throw e;
        }
        return session;
    }

    private void start() throws BmcException {
        // the service root answers without credentials (Redfish requires it; some BMCs do not)
        Reply root = exchange("GET", ROOT, null, false);
        if (!root.ok() && root.status() != 401 && root.status() != 403) {
            throw failure("GET", ROOT, root);
        }
        Optional<String> sessions = Optional.empty();
        if (root.ok()) {
            sessions = text(root.body().path("Links").path("Sessions"), "@odata.id")
                    .or(() -> root.body().has("SessionService")
                            ? Optional.of(ROOT + "SessionService/Sessions") : Optional.empty());
        }
        if (sessions.isPresent()) {
            ObjectNode credentials = json.createObjectNode()
                    .put("UserName", target.user())
                    .put("Password", target.password());
            Reply created = exchange("POST", sessions.get(), credentials, false);
            Optional<String> token = created.ok() ? created.headers().firstValue("X-Auth-Token") : Optional.empty();
            if (token.isPresent()) {
                authorizationName = "X-Auth-Token";
                authorizationValue = token.get();
                sessionPath = created.headers().firstValue("Location").or(() -> text(created.body(), "@odata.id"));
            } else {
                LOG.debug("{}: no Redfish session (HTTP {}), logging in with HTTP Basic", bmc, created.status());
            }
        }
        if (authorizationName == null) {
            authorizationName = "Authorization";
            authorizationValue = "Basic " + Base64.getEncoder().encodeToString(
                    (target.user() + ":" + target.password()).getBytes(StandardCharsets.UTF_8));
        }
        this.root = root.ok() ? object("GET", ROOT, root) : get(ROOT);
    }

    /** The service root, read at login. */
    JsonNode root() {
        return root;
    }

    String bmc() {
        return bmc;
    }

    /** Reads a resource that must exist. */
    JsonNode get(String path) throws BmcException {
        Reply reply = exchange("GET", path, null, true);
        if (!reply.ok()) {
            throw failure("GET", path, reply);
        }
        return object("GET", path, reply);
    }

    /** Reads a resource the service may lack (404, 405, 501). */
    Optional<JsonNode> find(String path) throws BmcException {
        Reply reply = exchange("GET", path, null, true);
        if (reply.absent()) {
            LOG.debug("{}: no {} (HTTP {})", bmc, path, reply.status());
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw failure("GET", path, reply);
        }
        return Optional.of(object("GET", path, reply));
    }

    void patch(String path, JsonNode body) throws BmcException {
        Reply reply = exchange("PATCH", path, body, true);
        if (!reply.ok()) {
            throw failure("PATCH", path, reply);
        }
    }

    void post(String path, JsonNode body) throws BmcException {
        Reply reply = exchange("POST", path, body, true);
        if (!reply.ok()) {
            throw failure("POST", path, reply);
        }
    }

    /** The certificate's sha512 fingerprint once a request went through (what first use pins). */
    Optional<String> certificate() {
        return trust.presentedSha512();
    }

    /** Ends the Redfish session, if there is one; never throws. */
    void logout() {
        if (sessionPath.isEmpty()) {
            return;
        }
        try {
            Reply reply = exchange("DELETE", sessionPath.get(), null, true);
            if (!reply.ok()) {
                LOG.debug("{}: deleting session {} answered HTTP {}", bmc, sessionPath.get(), reply.status());
            }
        } catch (BmcException e) {
            LOG.debug("{}: session not deleted: {}", bmc, e.getMessage());
        } finally {
            sessionPath = Optional.empty();
        }
    }

    /** The first text of {@code node.field}, if any. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    BmcException malformed(String path, String what) {
        return new BmcException(Kind.BMC_ERROR, bmc + " answered GET " + path + " with " + what);
    }

    private Reply exchange(String method, String path, JsonNode body, boolean authenticated) throws BmcException {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(method, path))
                .timeout(target.timeout())
                .header("Accept", "application/json")
                .header("OData-Version", "4.0");
        if (authenticated) {
            request.header(authorizationName, authorizationValue);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // the request timeout does not bound everything (reading the body): this does
            response = future.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw silent(method, path);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new BmcException(Kind.UNREACHABLE, bmc + ": interrupted during " + method + " " + path, e);
        } catch (ExecutionException e) {
            throw transport(method, path, e.getCause());
        }
        return new Reply(response.statusCode(), response.headers(), parse(method, path, response));
    }

    private URI resolve(String method, String path) throws BmcException {
        try {
            URI uri = base.resolve(new URI(path));
            if (!base.getAuthority().equals(uri.getAuthority())) {
                // never send the credentials anywhere but the BMC
                throw new BmcException(Kind.BMC_ERROR, bmc + " links to another host: " + path);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BmcException(Kind.BMC_ERROR, bmc + " links to a malformed resource for " + method + ": "
                    + path, e);
        }
    }

    private byte[] write(JsonNode body) throws BmcException {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": cannot write a request", e);
        }
    }

    private JsonNode parse(String method, String path, HttpResponse<byte[]> response) throws BmcException {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                throw new BmcException(Kind.BMC_ERROR, bmc + " answered " + method + " " + path
                        + " with something that is not JSON", e);
            }
            // error pages are often plain text or HTML: keep the words for the message
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private JsonNode object(String method, String path, Reply reply) throws BmcException {
        if (!reply.body().isObject()) {
            throw new BmcException(Kind.BMC_ERROR, bmc + " answered " + method + " " + path
                    + " with something that is not a JSON object");
        }
        return reply.body();
    }

    private BmcException failure(String method, String path, Reply reply) {
        String what = method + " " + path;
        if (reply.status() == 401 || reply.status() == 403) {
            return new BmcException(Kind.BAD_CREDENTIALS, bmc + " refused user " + target.user()
                    + "'s password (HTTP " + reply.status() + " on " + what + ")");
        }
        String detail = errorMessage(reply.body());
        String message = bmc + " answered " + what + " with HTTP " + reply.status() + (detail.isEmpty() ? "" : ": " + detail);
        return new BmcException(reply.status() == 405 || reply.status() == 501 ? Kind.UNSUPPORTED : Kind.BMC_ERROR,
                message);
    }

    /** Redfish's error message ({@code error.message} or the first extended message), else the text. */
    private static String errorMessage(JsonNode body) {
        if (body.isTextual()) {
            String text = body.asText().strip();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        JsonNode error = body.path("error");
        JsonNode extended = error.path("@Message.ExtendedInfo").path(0).path("Message");
        if (extended.isTextual()) {
            return extended.asText();
        }
        return error.path("message").asText("");
    }

    private BmcException silent(String method, String path) {
        return new BmcException(Kind.UNREACHABLE, bmc + " did not answer " + method + " " + path + " within "
                + target.timeout().toMillis() + " ms");
    }

    private BmcException transport(String method, String path, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (trust.refused()) {
            return certificateChanged(cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new BmcException(Kind.UNREACHABLE, bmc + " did not connect (TCP and TLS handshake) within "
                    + target.timeout().toMillis() + " ms", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return silent(method, path);
        }
        if (cause instanceof ConnectException) {
            return new BmcException(Kind.UNREACHABLE, bmc + " cannot be reached (" + describe(cause) + ")", cause);
        }
        if (cause instanceof SSLException) {
            return new BmcException(Kind.BMC_ERROR, bmc + ": TLS failed on " + method + " " + path + " ("
                    + describe(cause) + ")", cause);
        }
        return new BmcException(Kind.UNREACHABLE, bmc + ": " + method + " " + path + " failed (" + describe(cause)
                + ")", cause);
    }

    private BmcException certificateChanged(Throwable cause) {
        String pinned = trust.expected().orElse("?");
        String presented = trust.presentedFingerprint().orElse("?");
        return new BmcException(Kind.CERTIFICATE_CHANGED, bmc + " presented a TLS certificate with fingerprint "
                + presented + ", not the pinned " + pinned + "; if the BMC's certificate was replaced on purpose,"
                + " accept the new one by clearing pubkeys.tls_hardwaremanager on the node (nodeattrib "
                + target.node() + " pubkeys.tls_hardwaremanager=)", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
