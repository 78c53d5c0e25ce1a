package org.confluentcollective.hardware.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcEndpoint;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sushy-tools emulator cannot show (it has no session service and answers well-formed
 * JSON): a Redfish session is used instead of Basic and deleted on close, and an answer that is
 * not JSON is a BMC_ERROR naming the BMC and the resource. A stub service of a few resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedfishSessionTest {

    private static final String TOKEN = "token-0451";
    private static final String SESSION = "/redfish/v1/SessionService/Sessions/7";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private SSLContext tls;
    private HttpsServer server;

    /** One key pair for all tests: keytool takes seconds on a busy machine. */
    @BeforeAll
    void makeKeys(@TempDir Path dir) throws Exception {
        tls = StubBmcTls.serverContext(dir);
    }

    @BeforeEach
    void startStub() throws IOException {
        requests.clear();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(method + " " + path + (TOKEN.equals(token) ? " token" : "") + (basic != null ? " basic" : ""));
        byte[] body = StubBmcTls.readAll(exchange.getRequestBody());
        if (method.equals("GET") && path.equals("/redfish/v1/")) {
            send(exchange, 200, "{\"Systems\":{\"@odata.id\":\"/redfish/v1/Systems\"},"
                    + "\"SessionService\":{\"@odata.id\":\"/redfish/v1/SessionService\"},"
                    + "\"Links\":{\"Sessions\":{\"@odata.id\":\"/redfish/v1/SessionService/Sessions\"}}}");
        } else if (method.equals("POST") && path.equals("/redfish/v1/SessionService/Sessions")) {
            JsonNode login = json.readTree(body);
            if (login.path("UserName").asText().equals("root") && login.path("Password").asText().equals("calvin")) {
                exchange.getResponseHeaders().add("X-Auth-Token", TOKEN);
                exchange.getResponseHeaders().add("Location", SESSION);
                send(exchange, 201, "{\"@odata.id\":\"" + SESSION + "\"}");
            } else {
                send(exchange, 401, "{\"error\":{\"message\":\"no\"}}");
            }
        } else if (!TOKEN.equals(token)) {
            send(exchange, 401, "{\"error\":{\"message\":\"log in first\"}}");
        } else if (method.equals("GET") && path.equals("/redfish/v1/Systems")) {
            send(exchange, 200, "{\"Members\":[{\"@odata.id\":\"/redfish/v1/Systems/1\"}]}");
        } else if (method.equals("GET") && path.equals("/redfish/v1/Systems/1")) {
            send(exchange, 200, "<html>a proxy's error page</html>");
        } else if (method.equals("DELETE") && path.equals(SESSION)) {
            send(exchange, 204, "");
        } else {
            send(exchange, 404, "");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private BmcTarget target(String password) {
        return new BmcTarget("n1", new BmcEndpoint("127.0.0.1", server.getAddress().getPort()), "root", password,
                Duration.ofSeconds(5), Optional.empty(), (node, fingerprint) -> { });
    }

    @Test
    void logsInWithASessionAndDeletesItOnClose() throws Exception {
        try (RedfishConnector connector = new RedfishConnector(json)) {
            Bmc bmc = connector.open(target("calvin"));
            bmc.close();
        }
        assertEquals(List.of("GET /redfish/v1/", "POST /redfish/v1/SessionService/Sessions",
                "GET /redfish/v1/Systems token", "DELETE " + SESSION + " token"), requests);
    }

    @Test
    void aRefusedSessionFallsBackToBasicThenIsBadCredentials() {
        try (RedfishConnector connector = new RedfishConnector(json)) {
            BmcException refused = assertThrows(BmcException.class, () -> connector.open(target("wrong-7")));
            assertEquals(BmcException.Kind.BAD_CREDENTIALS, refused.kind());
            assertFalse(refused.getMessage().contains("wrong-7"), refused.getMessage());
        }
        assertEquals(List.of("GET /redfish/v1/", "POST /redfish/v1/SessionService/Sessions",
                "GET /redfish/v1/Systems basic"), requests);
    }

    @Test
    void anAnswerThatIsNotJsonIsABmcErrorNamingTheResource() throws Exception {
        try (RedfishConnector connector = new RedfishConnector(json); Bmc bmc = connector.open(target("calvin"))) {
            BmcException malformed = assertThrows(BmcException.class, bmc::powerState);
            assertEquals(BmcException.Kind.BMC_ERROR, malformed.kind());
            assertTrue(malformed.getMessage().contains("n1: BMC 127.0.0.1:" + server.getAddress().getPort())
                    && malformed.getMessage().contains("GET /redfish/v1/Systems/1"), malformed.getMessage());
        }
    }
}
