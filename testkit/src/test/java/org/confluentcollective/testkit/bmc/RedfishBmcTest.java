package org.confluentcollective.testkit.bmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcEndpoint;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcTarget;
import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.Health;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.hardware.bmc.InventoryItem;
import org.confluentcollective.hardware.bmc.PowerAction;
import org.confluentcollective.hardware.bmc.PowerState;
import org.confluentcollective.hardware.bmc.SensorReading;
import org.confluentcollective.hardware.redfish.RedfishConnector;
import org.confluentcollective.server.trust.AnyCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Redfish BMC against a real Redfish service written by others (sushy-tools' emulator), read
 * back directly with a plain HttpClient where our own reading could hide our own mistakes.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedfishBmcTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Power changes land 1-11 s after the request on the emulator, as on real BMCs. */
    private static final Duration POWER_LANDS = Duration.ofSeconds(25);

    private final ObjectMapper json = new ObjectMapper();
    private final RedfishConnector connector = new RedfishConnector(json);
    private RedfishSimulator first;
    private RedfishSimulator second;
    private HttpClient plain;

    @BeforeAll
    void startEmulators() throws Exception {
        first = RedfishSimulator.start("r1u01", "52:54:00:00:00:01");
        second = RedfishSimulator.start("r1u02", "52:54:00:00:00:02");
        // The plain reader only reads back what the emulator holds: any certificate and host will do.
        SSLContext trustingAll = SSLContext.getInstance("TLS");
        trustingAll.init(null, new TrustManager[] {new AnyCertificate()}, null);
        plain = HttpClient.newBuilder().sslContext(trustingAll).connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    void stopEmulators() throws Exception {
        connector.close();
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void powersOnAndOffAndTellsTheState() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.power(PowerAction.ON);
            awaitPower(bmc, PowerState.ON);
            assertEquals("On", system(first).path("PowerState").asText());
            bmc.power(PowerAction.OFF);
            awaitPower(bmc, PowerState.OFF);
            assertEquals("Off", system(first).path("PowerState").asText());
        }
    }

    @Test
    void resetShutdownAndDiagUseTheResetTypesTheServiceLists() throws Exception {
        JsonNode allowed = system(first).path("Actions").path("#ComputerSystem.Reset")
                .path("ResetType@Redfish.AllowableValues");
        assertTrue(allowed.toString().contains("ForceRestart") && !allowed.toString().contains("PowerCycle"),
                allowed::toString);
        try (Bmc bmc = open(first)) {
            bmc.power(PowerAction.ON);
            awaitPower(bmc, PowerState.ON);
            // the emulator answers 501 to a ResetType it does not know: ForceRestart went through
            bmc.power(PowerAction.RESET);
            awaitPower(bmc, PowerState.ON);
            bmc.power(PowerAction.SHUTDOWN);
            awaitPower(bmc, PowerState.OFF);
            // the emulator lists Nmi but its fake driver refuses it: the BMC's words come through
            BmcException diag = assertThrows(BmcException.class, () -> bmc.power(PowerAction.DIAG));
            assertEquals(BmcException.Kind.UNSUPPORTED, diag.kind());
            assertTrue(diag.getMessage().contains("Nmi") && diag.getMessage().contains(first.address()),
                    diag.getMessage());
        }
    }

    @Test
    void bootOverrideRoundTrips() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.setNextBoot(new BootTarget(BootDevice.NETWORK, BootMode.UEFI, true));
            JsonNode boot = system(first).path("Boot");
            assertEquals("Pxe", boot.path("BootSourceOverrideTarget").asText());
            assertEquals("Continuous", boot.path("BootSourceOverrideEnabled").asText());
            assertEquals("UEFI", boot.path("BootSourceOverrideMode").asText());
            assertEquals(new BootTarget(BootDevice.NETWORK, BootMode.UEFI, true), bmc.nextBoot());

            // the emulator keeps every override Continuous (its README), so only device and mode tell
            bmc.setNextBoot(new BootTarget(BootDevice.HD, BootMode.BIOS, false));
            boot = system(first).path("Boot");
            assertEquals("Hdd", boot.path("BootSourceOverrideTarget").asText());
            assertEquals("Legacy", boot.path("BootSourceOverrideMode").asText());
            BootTarget next = bmc.nextBoot();
            assertEquals(BootDevice.HD, next.device());
            assertEquals(BootMode.BIOS, next.mode());

            bmc.setNextBoot(new BootTarget(BootDevice.CD, BootMode.UNSPECIFIED, true));
            boot = system(first).path("Boot");
            assertEquals("Cd", boot.path("BootSourceOverrideTarget").asText());
            assertEquals("Legacy", boot.path("BootSourceOverrideMode").asText(), "an unspecified mode is left alone");

            bmc.setNextBoot(new BootTarget(BootDevice.DEFAULT, BootMode.UNSPECIFIED, false));
            assertEquals("None", system(first).path("Boot").path("BootSourceOverrideTarget").asText());
            assertEquals(BootDevice.DEFAULT, bmc.nextBoot().device());
        }
    }

    @Test
    void bootDevicesTheServiceDoesNotAllowAreUnsupported() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.setNextBoot(new BootTarget(BootDevice.HD, BootMode.UNSPECIFIED, true));
            // the emulator lists Pxe, Cd and Hdd (and UefiHttp in UEFI mode) as allowed
            BmcException refused = assertThrows(BmcException.class,
                    () -> bmc.setNextBoot(new BootTarget(BootDevice.SETUP, BootMode.UNSPECIFIED, false)));
            assertEquals(BmcException.Kind.UNSUPPORTED, refused.kind());
            assertTrue(refused.getMessage().contains("BootSourceOverrideTarget")
                    && refused.getMessage().contains(first.address()), refused.getMessage());
            assertEquals("Hdd", system(first).path("Boot").path("BootSourceOverrideTarget").asText());
        }
    }

    @Test
    void identifyLightsTheIndicator() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.identify(IdentifyState.ON);
            assertEquals("Lit", system(first).path("IndicatorLED").asText());
            bmc.identify(IdentifyState.OFF);
            assertEquals("Off", system(first).path("IndicatorLED").asText());
        }
    }

    @Test
    void blinkMakesTheIndicatorBlinkAndReadsBackBlink() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.identify(IdentifyState.BLINK);
            assertEquals("Blinking", system(first).path("IndicatorLED").asText());
            assertEquals(IdentifyState.BLINK, bmc.identifyState());
            bmc.identify(IdentifyState.ON);
            assertEquals("Lit", system(first).path("IndicatorLED").asText());
            bmc.identify(IdentifyState.BLINK);
            bmc.identify(IdentifyState.OFF);
            assertEquals("Off", system(first).path("IndicatorLED").asText());
            assertEquals(IdentifyState.OFF, bmc.identifyState());
        }
    }

    @Test
    void identifyIsReadBackFromTheIndicatorLed() throws Exception {
        try (Bmc bmc = open(first)) {
            bmc.identify(IdentifyState.ON);
            assertEquals(IdentifyState.ON, bmc.identifyState());
            bmc.identify(IdentifyState.OFF);
            assertEquals(IdentifyState.OFF, bmc.identifyState());
            // lit by someone else, blinking: read as the service tells it
            patchSystem(first, "{\"IndicatorLED\":\"Blinking\"}");
            assertEquals("Blinking", system(first).path("IndicatorLED").asText());
            assertEquals(IdentifyState.BLINK, bmc.identifyState());
            patchSystem(first, "{\"IndicatorLED\":\"Lit\"}");
            assertEquals(IdentifyState.ON, bmc.identifyState());
            bmc.identify(IdentifyState.OFF);
        }
    }

    @Test
    void inventoryTellsTheSystemAndItsNic() throws Exception {
        List<InventoryItem> items;
        try (Bmc bmc = open(first)) {
            items = bmc.inventory();
        }
        InventoryItem system = items.get(0);
        assertEquals("System", system.name());
        // the script derives the UUID from the name (uuid5, DNS namespace); derived again here
        assertEquals(first.systemUuid().toString(), system.information().get("UUID"));
        assertEquals("Sushy Emulator", system.information().get("Manufacturer"));
        InventoryItem nic = items.stream().filter(item -> item.name().equals("NIC 1")).findFirst().orElseThrow();
        assertEquals(first.mac(), nic.information().get("MAC Address 1"));
        assertTrue(nic.present());
        // the fake driver has no processors (501) and a Memory link that answers 404: skipped
        assertEquals(List.of("System", "NIC 1"), items.stream().map(InventoryItem::name).toList());
    }

    @Test
    void sensorsAreTheChassisThermalReadings() throws Exception {
        List<SensorReading> sensors;
        try (Bmc bmc = open(first)) {
            sensors = bmc.sensors();
        }
        String chassis = system(first).path("Links").path("Chassis").path(0).path("@odata.id").asText();
        JsonNode thermal = get(first, chassis + "/Thermal");
        int expected = thermal.path("Temperatures").size() + thermal.path("Fans").size();
        assertTrue(expected > 0, "the emulator reports temperatures and fans");
        assertEquals(expected, sensors.size(), sensors::toString);
        Map<String, SensorReading> byName = sensors.stream()
                .collect(Collectors.toMap(SensorReading::name, reading -> reading));
        for (JsonNode temperature : thermal.path("Temperatures")) {
            SensorReading reading = byName.get(temperature.path("Name").asText());
            assertEquals("Temperature", reading.type());
            assertEquals(temperature.path("ReadingCelsius").asDouble(), reading.value());
            assertEquals("°C", reading.units());
            assertEquals(Health.OK, reading.health());
            assertEquals(List.of(), reading.states());
        }
        for (JsonNode fan : thermal.path("Fans")) {
            SensorReading reading = byName.get(fan.path("Name").asText());
            assertEquals("Fan", reading.type());
            assertEquals(fan.path("Reading").asDouble(), reading.value());
            assertEquals("RPM", reading.units());
        }
    }

    @Test
    void pinsOnFirstUseThenRefusesAChangedCertificate() throws Exception {
        List<String> pins = new CopyOnWriteArrayList<>();
        try (Bmc bmc = open(second, RedfishSimulator.PASSWORD, Optional.empty(), pins)) {
            assertEquals(PowerState.OFF, bmc.powerState());
        }
        String pinned = "sha512$" + fingerprint(second, "SHA-512");
        assertEquals(List.of(pinned), pins, "pinned once, as sha512 of the DER certificate");

        try (Bmc bmc = open(second, RedfishSimulator.PASSWORD, Optional.of(pinned), pins)) {
            assertEquals(second.systemUuid().toString(), bmc.inventory().get(0).information().get("UUID"));
        }
        String pinnedSha256 = "sha256$" + fingerprint(second, "SHA-256");
        try (Bmc bmc = open(second, RedfishSimulator.PASSWORD, Optional.of(pinnedSha256), pins)) {
            assertEquals(PowerState.OFF, bmc.powerState());
        }
        assertEquals(1, pins.size(), "a pinned BMC is not pinned again");

        second.restart();
        String presented = "sha512$" + fingerprint(second, "SHA-512");
        assertNotEquals(pinned, presented);
        BmcException changed = assertThrows(BmcException.class,
                () -> open(second, RedfishSimulator.PASSWORD, Optional.of(pinned), pins));
        assertEquals(BmcException.Kind.CERTIFICATE_CHANGED, changed.kind());
        String message = changed.getMessage();
        assertTrue(message.contains(second.address()) && message.contains(pinned) && message.contains(presented)
                && message.contains("nodeattrib " + second.name() + " pubkeys.tls_hardwaremanager="), message);
        assertEquals(1, pins.size(), "a changed certificate is not pinned");
    }

    @Test
    void aWrongPasswordIsBadCredentialsWithoutThePassword() {
        String wrong = "not-the-secret-4711";
        BmcException refused = assertThrows(BmcException.class,
                () -> open(first, wrong, Optional.empty(), new ArrayList<>()));
        assertEquals(BmcException.Kind.BAD_CREDENTIALS, refused.kind());
        assertTrue(refused.getMessage().contains(first.address()) && refused.getMessage().contains("admin"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains(wrong), refused.getMessage());
    }

    @Test
    void aRefusedConnectionIsUnreachableAtOnce() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        long started = System.nanoTime();
        BmcException refused = assertThrows(BmcException.class, () -> connector.open(target("127.0.0.1:" + closed,
                RedfishSimulator.PASSWORD, Optional.empty(), new ArrayList<>(), TIMEOUT)));
        assertEquals(BmcException.Kind.UNREACHABLE, refused.kind());
        assertTrue(refused.getMessage().contains("127.0.0.1:" + closed), refused.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0,
                "connection refused is not waited out");
    }

    @Test
    void aSilentServerIsUnreachableWithinTheTimeout() throws Exception {
        // accepts TCP connections and never says a word: the TLS handshake never finishes
        Duration timeout = Duration.ofSeconds(2);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-bmc");
            acceptor.start();
            long started = System.nanoTime();
            BmcException silentError = assertThrows(BmcException.class, () -> connector.open(target(
                    "127.0.0.1:" + silent.getLocalPort(), RedfishSimulator.PASSWORD, Optional.empty(),
                    new ArrayList<>(), timeout)));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(BmcException.Kind.UNREACHABLE, silentError.kind(), silentError.getMessage());
            assertTrue(silentError.getMessage().contains("127.0.0.1:" + silent.getLocalPort()), silentError.getMessage());
            assertTrue(took.compareTo(timeout.plusSeconds(2)) < 0, "gave up after " + took.toMillis() + " ms");
            assertFalse(accepted.isEmpty(), "the connection was accepted, so only the timeout ended it");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void severalBmcsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> uuids = new ArrayList<>();
            for (RedfishSimulator simulator : List.of(first, second, first, second)) {
                uuids.add(threads.submit(() -> {
                    try (Bmc bmc = open(simulator)) {
                        return bmc.inventory().get(0).information().get("UUID");
                    }
                }));
            }
            List<String> expected = List.of(first.systemUuid().toString(), second.systemUuid().toString(),
                    first.systemUuid().toString(), second.systemUuid().toString());
            List<String> got = new ArrayList<>();
            for (Future<String> uuid : uuids) {
                got.add(uuid.get());
            }
            assertEquals(expected, got);
        } finally {
            threads.shutdownNow();
        }
    }

    private Bmc open(RedfishSimulator simulator) throws BmcException {
        return open(simulator, RedfishSimulator.PASSWORD, Optional.empty(), new ArrayList<>());
    }

    private Bmc open(RedfishSimulator simulator, String password, Optional<String> pinned, List<String> pins)
            throws BmcException {
        return connector.open(target(simulator.address(), password, pinned, pins, TIMEOUT));
    }

    private BmcTarget target(String address, String password, Optional<String> pinned, List<String> pins,
                             Duration timeout) throws BmcException {
        String node = address.equals(second.address()) ? second.name() : first.name();
        return new BmcTarget(node, BmcEndpoint.parse(address), RedfishSimulator.USER, password, timeout, pinned,
                (name, fingerprint) -> pins.add(fingerprint));
    }

    private static void awaitPower(Bmc bmc, PowerState wanted) throws Exception {
        long deadline = System.nanoTime() + POWER_LANDS.toNanos();
        PowerState state = bmc.powerState();
        while (state != wanted && System.nanoTime() < deadline) {
            Thread.sleep(500);
            state = bmc.powerState();
        }
        assertEquals(wanted, state, "power state after " + POWER_LANDS.toSeconds() + " s");
    }

    /** The emulator's system, read without our code. */
    private JsonNode system(RedfishSimulator simulator) throws Exception {
        JsonNode systems = get(simulator, "/redfish/v1/Systems");
        return get(simulator, systems.path("Members").path(0).path("@odata.id").asText());
    }

    /** Changes the emulator's system without our code, as another client would. */
    private void patchSystem(RedfishSimulator simulator, String body) throws Exception {
        String path = get(simulator, "/redfish/v1/Systems").path("Members").path(0).path("@odata.id").asText();
        String basic = Base64.getEncoder().encodeToString(
                (RedfishSimulator.USER + ":" + RedfishSimulator.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(
                        URI.create("https://" + simulator.address() + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, () -> path + ": " + response.statusCode() + " " + response.body());
    }

    private JsonNode get(RedfishSimulator simulator, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (RedfishSimulator.USER + ":" + RedfishSimulator.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(
                        URI.create("https://" + simulator.address() + path))
                .header("Authorization", "Basic " + basic).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return json.readTree(response.body());
    }

    /** The hex digest of the DER certificate the emulator serves, from its PEM file. */
    private static String fingerprint(RedfishSimulator simulator, String algorithm) throws Exception {
        try (InputStream pem = Files.newInputStream(simulator.certificate())) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(pem);
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        }
    }
}
