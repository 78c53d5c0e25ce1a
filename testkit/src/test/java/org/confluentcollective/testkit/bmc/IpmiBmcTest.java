package org.confluentcollective.testkit.bmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
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
import org.confluentcollective.hardware.ipmi.IpmiBmcConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * IpmiBmcConnector against real ipmi_sim BMCs, every change cross-checked with the simulator's
 * chassis script files and with ipmitool.
 */
@Tag("slow")
class IpmiBmcTest {

    private static final String PASSWORD = "s3cret-Pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);
    /** The library's exchange lasts a little longer than asked, and the machine is shared. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private static IpmiSimulator sim;
    private final IpmiBmcConnector connector = new IpmiBmcConnector();

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = IpmiSimulator.start(PASSWORD);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void powerChangesReachTheBmcAndAreReadBack() throws Exception {
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            bmc.power(PowerAction.ON);
            assertTrue(sim.powerOn());
            assertTrue(sim.ipmitool("chassis", "power", "status").contains("is on"));
            assertEquals(PowerState.ON, bmc.powerState());

            bmc.power(PowerAction.OFF);
            assertFalse(sim.powerOn());
            assertTrue(sim.ipmitool("chassis", "power", "status").contains("is off"));
            assertEquals(PowerState.OFF, bmc.powerState());

            bmc.power(PowerAction.ON);
            int resets = sim.resets();
            bmc.power(PowerAction.RESET);
            assertEquals(resets + 1, sim.resets());

            int shutdowns = sim.shutdowns();
            bmc.power(PowerAction.SHUTDOWN);
            assertEquals(shutdowns + 1, sim.shutdowns());
            assertEquals(PowerState.OFF, bmc.powerState());

            BmcException diag = assertThrows(BmcException.class, () -> bmc.power(PowerAction.DIAG));
            assertEquals(BmcException.Kind.UNSUPPORTED, diag.kind());
            assertTrue(diag.getMessage().startsWith(address(sim) + ": "), diag.getMessage());
            assertTrue(diag.getMessage().contains("0xcc"), diag.getMessage());
        }
    }

    @Test
    void nextBootDeviceRoundTrips() throws Exception {
        Map<BootDevice, String[]> expected = Map.of(
                BootDevice.NETWORK, new String[] {"pxe", "Force PXE"},
                BootDevice.HD, new String[] {"default", "Force Boot from default Hard-Drive"},
                BootDevice.CD, new String[] {"cdrom", "Force Boot from CD/DVD"},
                BootDevice.SETUP, new String[] {"bios", "Force Boot into BIOS Setup"});
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            for (BootDevice device : List.of(BootDevice.NETWORK, BootDevice.HD, BootDevice.CD, BootDevice.SETUP)) {
                bmc.setNextBoot(new BootTarget(device, BootMode.UEFI, false));
                assertEquals(device, bmc.nextBoot().device());
                assertEquals(expected.get(device)[0], sim.bootDevice());
                String param = sim.ipmitool("chassis", "bootparam", "get", "5");
                assertTrue(param.contains(expected.get(device)[1]), param);
            }
            bmc.setNextBoot(new BootTarget(BootDevice.DEFAULT, BootMode.UNSPECIFIED, false));
            assertEquals(BootDevice.DEFAULT, bmc.nextBoot().device());
            assertEquals("none", sim.bootDevice());
        }
    }

    @Test
    void identifyIsForcedOnAndTurnedOff() throws Exception {
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            bmc.identify(IdentifyState.ON);
            assertEquals("0 1", sim.identify());
            bmc.identify(IdentifyState.OFF);
            assertEquals("0 0", sim.identify());
        }
    }

    /** Blink is the timed identify, the same request as ipmitool's {@code chassis identify 255}. */
    @Test
    void blinkIsTheLongestTimedIdentify() throws Exception {
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            sim.ipmitool("chassis", "identify", "255");
            String byIpmitool = sim.identify();
            bmc.identify(IdentifyState.OFF);
            assertEquals("0 0", sim.identify());
            bmc.identify(IdentifyState.BLINK);
            assertEquals("255 0", sim.identify());
            assertEquals(byIpmitool, sim.identify());
            bmc.identify(IdentifyState.ON);
            assertEquals("0 1", sim.identify(), "on after blink is forced on again");
            bmc.identify(IdentifyState.OFF);
            assertEquals("0 0", sim.identify());
        }
    }

    /**
     * ipmi_sim answers Get Chassis Status without the identify state (bit 6 of the misc chassis
     * state byte clear, as ipmitool's "chassis status" shows by leaving it out): reading it back is
     * a clear "not supported" naming the BMC, whether the light is on or off.
     */
    @Test
    void identifyStateTheBmcDoesNotReportIsUnsupported() throws Exception {
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            bmc.identify(IdentifyState.ON);
            assertFalse(sim.ipmitool("chassis", "status").contains("identify"));
            BmcException e = assertThrows(BmcException.class, bmc::identifyState);
            assertEquals(BmcException.Kind.UNSUPPORTED, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(address(sim) + ": the BMC does not report its chassis identify "
                    + "state"), e.getMessage());
            bmc.identify(IdentifyState.OFF);
            assertEquals(BmcException.Kind.UNSUPPORTED, assertThrows(BmcException.class, bmc::identifyState).kind());
            assertEquals("0 0", sim.identify());
        }
    }

    @Test
    void inventoryHasTheFruStringsTheGuidAndTheFirmware() throws Exception {
        List<InventoryItem> items;
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            items = bmc.inventory();
        }
        InventoryItem system = items.get(0);
        assertEquals("System", system.name());
        assertTrue(system.present());
        assertEquals(IpmiSimulator.MANUFACTURER, system.information().get("Manufacturer"));
        assertEquals(IpmiSimulator.PRODUCT, system.information().get("Product name"));
        assertEquals(IpmiSimulator.MODEL, system.information().get("Model"));
        assertEquals(IpmiSimulator.SERIAL, system.information().get("Serial Number"));
        assertEquals(IpmiSimulator.BOARD_MANUFACTURER, system.information().get("Board manufacturer"));
        assertEquals(IpmiSimulator.BOARD_SERIAL, system.information().get("Board serial number"));
        String guid = sim.ipmitool("mc", "guid", "smbios");
        String uuid = system.information().get("UUID");
        assertTrue(uuid != null && guid.toLowerCase(Locale.ROOT).contains(uuid), guid + " vs " + uuid);

        InventoryItem controller = items.get(1);
        assertEquals("BMC", controller.name());
        String mcInfo = sim.ipmitool("mc", "info");
        assertTrue(mcInfo.contains("Firmware Revision         : " + controller.information().get("Firmware version")),
                mcInfo + " vs " + controller.information());
        assertEquals("9.08", controller.information().get("Firmware version"));
    }

    @Test
    void sensorsHaveValuesUnitsAndHealthFromThresholds() throws Exception {
        List<SensorReading> sensors;
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            sensors = bmc.sensors();
        }
        assertEquals(List.of(IpmiSimulator.MB_TEMP, IpmiSimulator.CPU_TEMP),
                sensors.stream().map(SensorReading::name).toList());
        SensorReading board = sensors.get(0);
        assertEquals("Temperature", board.type());
        assertEquals(IpmiSimulator.MB_TEMP_VALUE, board.value());
        assertEquals("°C", board.units());
        assertEquals(Health.OK, board.health());
        assertEquals(List.of(), board.states());
        SensorReading cpu = sensors.get(1);
        assertEquals(IpmiSimulator.CPU_TEMP_VALUE, cpu.value());
        assertEquals(Health.CRITICAL, cpu.health());
        assertEquals(List.of("Upper non-critical", "Upper critical"), cpu.states());
    }

    @Test
    void wrongPasswordIsBadCredentialsAtOnce() {
        long start = System.nanoTime();
        BmcException e = assertThrows(BmcException.class, () -> connector.open(target(sim, "wrong-pw", TIMEOUT)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(BmcException.Kind.BAD_CREDENTIALS, e.kind(), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        assertTrue(e.getMessage().startsWith(address(sim) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(IpmiSimulator.USER), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw"), e.getMessage());
    }

    @Test
    void unknownUserIsBadCredentials() {
        BmcTarget stranger = new BmcTarget("n1", new BmcEndpoint(sim.host(), sim.port()), "nobody", PASSWORD, TIMEOUT,
                Optional.empty(), (node, pin) -> { });
        BmcException e = assertThrows(BmcException.class, () -> connector.open(stranger));
        assertEquals(BmcException.Kind.BAD_CREDENTIALS, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("nobody"), e.getMessage());
    }

    @Test
    void nothingListeningIsUnreachableWithinTheTimeout() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = socket.getLocalPort();
        }
        BmcTarget silent = new BmcTarget("n1", new BmcEndpoint("127.0.0.1", port), IpmiSimulator.USER, PASSWORD,
                SHORT_TIMEOUT, Optional.empty(), (node, pin) -> { });
        long start = System.nanoTime();
        BmcException e = assertThrows(BmcException.class, () -> connector.open(silent));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(BmcException.Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertTrue(took.compareTo(SHORT_TIMEOUT.plus(MARGIN)) < 0, "took " + took);
        assertTrue(e.getMessage().startsWith("127.0.0.1:" + port + ": "), e.getMessage());
    }

    @Test
    void unresolvableHostIsBadSettings() {
        BmcTarget nowhere = new BmcTarget("n1", new BmcEndpoint("no-such-bmc.invalid", 0), IpmiSimulator.USER,
                PASSWORD, SHORT_TIMEOUT, Optional.empty(), (node, pin) -> { });
        BmcException e = assertThrows(BmcException.class, () -> connector.open(nowhere));
        assertEquals(BmcException.Kind.BAD_SETTINGS, e.kind());
        assertTrue(e.getMessage().startsWith("no-such-bmc.invalid:623: "), e.getMessage());
    }

    @Test
    void aFrozenBmcIsUnreachableWithinTheTimeoutAndOthersCarryOn() throws Exception {
        try (IpmiSimulator frozen = IpmiSimulator.start(PASSWORD);
             Bmc stuck = connector.open(target(frozen, PASSWORD, SHORT_TIMEOUT));
             Bmc healthy = connector.open(target(sim, PASSWORD, SHORT_TIMEOUT))) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                frozen.freeze();
                Future<Integer> meanwhile = other.submit(() -> {
                    int reads = 0;
                    for (int i = 0; i < 5; i++) {
                        healthy.powerState();
                        reads++;
                    }
                    return reads;
                });
                long start = System.nanoTime();
                BmcException e = assertThrows(BmcException.class, stuck::powerState);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(BmcException.Kind.UNREACHABLE, e.kind(), e.getMessage());
                assertTrue(took.compareTo(SHORT_TIMEOUT.plus(MARGIN)) < 0, "took " + took);
                assertTrue(e.getMessage().startsWith(address(frozen) + ": "), e.getMessage());
                assertEquals(5, meanwhile.get());
            } finally {
                frozen.thaw();
                other.shutdownNow();
            }
        }
    }

    @Test
    void twentyBmcsInParallelEachOnItsOwnThread() throws Exception {
        int count = 20;
        List<IpmiSimulator> sims = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            Callable<IpmiSimulator> start = () -> IpmiSimulator.start(PASSWORD);
            for (Future<IpmiSimulator> started : threads.invokeAll(Collections.nCopies(count, start))) {
                sims.add(started.get());
            }
            List<BootDevice> devices = List.of(BootDevice.NETWORK, BootDevice.HD, BootDevice.CD, BootDevice.SETUP);
            Function<Integer, Callable<BootDevice>> work = index -> () -> {
                IpmiSimulator mine = sims.get(index);
                try (Bmc bmc = connector.open(target(mine, PASSWORD, TIMEOUT))) {
                    for (int round = 0; round < 3; round++) {
                        bmc.power(PowerAction.ON);
                        assertEquals(PowerState.ON, bmc.powerState());
                        bmc.power(PowerAction.OFF);
                        assertEquals(PowerState.OFF, bmc.powerState());
                        BootDevice device = devices.get((index + round) % devices.size());
                        bmc.setNextBoot(new BootTarget(device, BootMode.BIOS, false));
                        assertEquals(device, bmc.nextBoot().device());
                    }
                    if (index % 2 == 0) {
                        bmc.power(PowerAction.ON);
                    }
                    return bmc.nextBoot().device();
                }
            };
            List<Future<BootDevice>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(threads.submit(work.apply(i)));
            }
            String[] words = {"pxe", "default", "cdrom", "bios"};
            for (int i = 0; i < count; i++) {
                BootDevice last = devices.get((i + 2) % devices.size());
                assertEquals(last, results.get(i).get());
                assertEquals(words[(i + 2) % devices.size()], sims.get(i).bootDevice(), "simulator " + i);
                assertEquals(i % 2 == 0, sims.get(i).powerOn(), "simulator " + i);
            }
        } finally {
            threads.shutdownNow();
            sims.forEach(IpmiSimulator::close);
        }
    }

    @Test
    void sessionsLeaveNoThreadsBehind() throws Exception {
        // warm up: the first session loads the library and its JVM-wide pieces
        try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
            bmc.powerState();
        }
        int baseline = Thread.activeCount();
        for (int i = 0; i < 30; i++) {
            try (Bmc bmc = connector.open(target(sim, PASSWORD, TIMEOUT))) {
                bmc.powerState();
            }
        }
        assertThrows(BmcException.class, () -> connector.open(target(sim, "wrong-pw", TIMEOUT)));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Thread.activeCount() > baseline && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Thread.activeCount() <= baseline, Thread.activeCount() + " threads, " + baseline + " before");
    }

    private static BmcTarget target(IpmiSimulator bmc, String password, Duration timeout) {
        return new BmcTarget("n1", new BmcEndpoint(bmc.host(), bmc.port()), IpmiSimulator.USER, password, timeout,
                Optional.empty(), (node, pin) -> { });
    }

    private static String address(IpmiSimulator bmc) {
        return bmc.host() + ":" + bmc.port();
    }
}
