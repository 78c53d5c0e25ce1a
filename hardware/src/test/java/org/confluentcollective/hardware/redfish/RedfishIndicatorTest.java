package org.confluentcollective.hardware.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.confluentcollective.hardware.bmc.BmcTarget;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sushy-tools emulator cannot show, as it has IndicatorLED alone: identify on services with
 * LocationIndicatorActive, alone or beside IndicatorLED. A stub system that applies each PATCH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedfishIndicatorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> patches = new CopyOnWriteArrayList<>();
    private SSLContext tls;
    private HttpsServer server;
    private ObjectNode system;

    /** One key pair for all tests: keytool takes seconds on a busy machine. */
    @BeforeAll
    void makeKeys(@TempDir Path dir) throws Exception {
        tls = StubBmcTls.serverContext(dir);
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void locationIndicatorAloneIsActiveForOnAndBlinkAndReadsOn() throws Exception {
        start("{\"LocationIndicatorActive\":false}");
        try (RedfishConnector connector = new RedfishConnector(json); Bmc bmc = connector.open(target())) {
            bmc.identify(IdentifyState.ON);
            bmc.identify(IdentifyState.OFF);
            bmc.identify(IdentifyState.BLINK);
            assertEquals(IdentifyState.ON, bmc.identifyState(), "the property cannot say blinking");
        }
        assertEquals(List.of("{\"LocationIndicatorActive\":true}", "{\"LocationIndicatorActive\":false}",
                "{\"LocationIndicatorActive\":true}"), patches);
    }

    @Test
    void withBothBlinkIsTheIndicatorLedAndOnOrOffEndIt() throws Exception {
        start("{\"LocationIndicatorActive\":false,\"IndicatorLED\":\"Off\"}");
        try (RedfishConnector connector = new RedfishConnector(json); Bmc bmc = connector.open(target())) {
            bmc.identify(IdentifyState.ON);
            bmc.identify(IdentifyState.OFF);
            bmc.identify(IdentifyState.BLINK);
            assertEquals(IdentifyState.BLINK, bmc.identifyState());
            bmc.identify(IdentifyState.OFF);
            assertEquals(IdentifyState.OFF, bmc.identifyState());
        }
        assertEquals(List.of("{\"LocationIndicatorActive\":true}", "{\"LocationIndicatorActive\":false}",
                "{\"IndicatorLED\":\"Blinking\"}", "{\"LocationIndicatorActive\":false,\"IndicatorLED\":\"Off\"}"),
                patches, "on and off as before, unless the LED blinks");
    }

    private void start(String initial) throws IOException {
        patches.clear();
        system = (ObjectNode) json.readTree(initial);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::answer);
        server.start();
    }

    /** No session service: Basic on every request, which the stub does not check. */
    private synchronized void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = StubBmcTls.readAll(exchange.getRequestBody());
        if (method.equals("GET") && path.equals("/redfish/v1/")) {
            send(exchange, 200, "{\"Systems\":{\"@odata.id\":\"/redfish/v1/Systems\"}}");
        } else if (method.equals("GET") && path.equals("/redfish/v1/Systems")) {
            send(exchange, 200, "{\"Members\":[{\"@odata.id\":\"/redfish/v1/Systems/1\"}]}");
        } else if (method.equals("GET") && path.equals("/redfish/v1/Systems/1")) {
            send(exchange, 200, json.writeValueAsString(system));
        } else if (method.equals("PATCH") && path.equals("/redfish/v1/Systems/1")) {
            ObjectNode patch = (ObjectNode) json.readTree(body);
            patches.add(json.writeValueAsString(patch));
            system.setAll(patch);
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

    private BmcTarget target() {
        return new BmcTarget("n1", new BmcEndpoint("127.0.0.1", server.getAddress().getPort()), "root", "calvin",
                Duration.ofSeconds(5), Optional.empty(), (node, fingerprint) -> { });
    }
}
