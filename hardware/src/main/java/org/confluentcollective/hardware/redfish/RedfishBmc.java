package org.confluentcollective.hardware.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.Health;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.hardware.bmc.InventoryItem;
import org.confluentcollective.hardware.bmc.PowerAction;
import org.confluentcollective.hardware.bmc.PowerState;
import org.confluentcollective.hardware.bmc.SensorReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's Redfish BMC, managing the first system of the service's Systems collection. Each call
 * reads the system afresh: power and boot settings change behind our back.
 */
public final class RedfishBmc implements Bmc {

    private static final Logger LOG = LoggerFactory.getLogger(RedfishBmc.class);
    private static final String RESET = "#ComputerSystem.Reset";

    private final RedfishSession session;
    private final ObjectMapper json;
    private final String system;

    private RedfishBmc(RedfishSession session, ObjectMapper json, String system) {
        this.session = session;
        this.json = json;
        this.system = system;
    }

    /** Finds the system to manage: the first of the Systems collection. */
    static RedfishBmc connect(RedfishSession session, ObjectMapper json) throws BmcException {
        String path = RedfishSession.text(session.root().path("Systems"), "@odata.id").orElse("/redfish/v1/Systems");
        List<String> systems = members(session, path, session.get(path));
        if (systems.isEmpty()) {
            throw new BmcException(Kind.UNSUPPORTED, session.bmc() + " lists no system in " + path);
        }
        if (systems.size() > 1) {
            LOG.info("{} has {} systems; managing the first, {}", session.bmc(), systems.size(), systems.get(0));
        }
        return new RedfishBmc(session, json, systems.get(0));
    }

    @Override
    public PowerState powerState() throws BmcException {
        String state = RedfishSession.text(session.get(system), "PowerState")
                .orElseThrow(() -> session.malformed(system, "no PowerState"));
        return switch (state) {
            // still on while powering off; not yet on while powering on
            case "On", "PoweringOff" -> PowerState.ON;
            case "Off", "PoweringOn" -> PowerState.OFF;
            default -> throw session.malformed(system, "an unknown PowerState \"" + state + "\"");
        };
    }

    @Override
    public void power(PowerAction action) throws BmcException {
        JsonNode reset = session.get(system).path("Actions").path(RESET);
        String target = RedfishSession.text(reset, "target").orElseThrow(() -> new BmcException(Kind.UNSUPPORTED,
                session.bmc() + " has no ComputerSystem.Reset action on " + system));
        Optional<List<String>> allowed = allowedResetTypes(reset);
        String type = resetType(action, allowed).orElseThrow(() -> new BmcException(Kind.UNSUPPORTED,
                session.bmc() + " cannot " + action.label() + ": its ComputerSystem.Reset allows no ResetType "
                        + String.join(" or ", resetTypes(action)) + " (only "
                        + String.join(", ", allowed.orElseThrow()) + ")"));
        session.post(target, json.createObjectNode().put("ResetType", type));
    }

    /** The ResetType for {@code action}: the first of its choices the service allows (any, if it does not tell). */
    static Optional<String> resetType(PowerAction action, Optional<List<String>> allowed) {
        List<String> wanted = resetTypes(action);
        return allowed.isEmpty() ? Optional.of(wanted.get(0)) : wanted.stream().filter(allowed.get()::contains).findFirst();
    }

    private static List<String> resetTypes(PowerAction action) {
        return switch (action) {
            case ON -> List.of("On", "ForceOn");
            case OFF -> List.of("ForceOff");
            case SHUTDOWN -> List.of("GracefulShutdown");
            case RESET -> List.of("ForceRestart", "GracefulRestart", "PowerCycle");
            case DIAG -> List.of("Nmi");
        };
    }

    /** {@code ResetType@Redfish.AllowableValues}, or the action's ActionInfo's, if the service tells. */
    private Optional<List<String>> allowedResetTypes(JsonNode reset) throws BmcException {
        if (reset.has("ResetType@Redfish.AllowableValues")) {
            return Optional.of(texts(reset.path("ResetType@Redfish.AllowableValues")));
        }
        Optional<String> info = RedfishSession.text(reset, "@Redfish.ActionInfo");
        if (info.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode parameter : session.find(info.get()).orElse(json.createObjectNode()).path("Parameters")) {
            if ("ResetType".equals(parameter.path("Name").asText()) && parameter.has("AllowableValues")) {
                return Optional.of(texts(parameter.path("AllowableValues")));
            }
        }
        return Optional.empty();
    }

    @Override
    public BootTarget nextBoot() throws BmcException {
        JsonNode boot = session.get(system).path("Boot");
        String enabled = boot.path("BootSourceOverrideEnabled").asText("Disabled");
        String device = boot.path("BootSourceOverrideTarget").asText("None");
        BootMode mode = switch (boot.path("BootSourceOverrideMode").asText("")) {
            case "UEFI" -> BootMode.UEFI;
            case "Legacy" -> BootMode.BIOS;
            default -> BootMode.UNSPECIFIED;
        };
        if (enabled.equals("Disabled") || device.equals("None")) {
            return new BootTarget(BootDevice.DEFAULT, mode, false);
        }
        BootDevice next = switch (device) {
            case "Pxe", "UefiHttp" -> BootDevice.NETWORK;
            case "Hdd" -> BootDevice.HD;
            case "BiosSetup" -> BootDevice.SETUP;
            case "Cd" -> BootDevice.CD;
            case "Usb" -> BootDevice.USB;
            case "Floppy" -> BootDevice.FLOPPY;
            default -> throw new BmcException(Kind.UNSUPPORTED, session.bmc() + " boots " + device
                    + " next, a device confluent has no name for");
        };
        return new BootTarget(next, mode, enabled.equals("Continuous"));
    }

    @Override
    public void setNextBoot(BootTarget target) throws BmcException {
        JsonNode boot = session.get(system).path("Boot");
        ObjectNode override = json.createObjectNode();
        if (target.device() == BootDevice.DEFAULT) {
            override.put("BootSourceOverrideEnabled", "Disabled").put("BootSourceOverrideTarget", "None");
        } else {
            String device = switch (target.device()) {
                case NETWORK -> "Pxe";
                case HD -> "Hdd";
                case SETUP -> "BiosSetup";
                case CD -> "Cd";
                case USB -> "Usb";
                case FLOPPY -> "Floppy";
                case DEFAULT -> throw new IllegalStateException("handled above");
            };
            allow(boot, "BootSourceOverrideTarget", device, target.device().label());
            override.put("BootSourceOverrideTarget", device)
                    .put("BootSourceOverrideEnabled", target.persistent() ? "Continuous" : "Once");
        }
        if (target.mode() != BootMode.UNSPECIFIED) {
            String mode = target.mode() == BootMode.UEFI ? "UEFI" : "Legacy";
            allow(boot, "BootSourceOverrideMode", mode, target.mode().label());
            override.put("BootSourceOverrideMode", mode);
        }
        ObjectNode body = json.createObjectNode();
        body.set("Boot", override);
        session.patch(system, body);
    }

    /** Refuses a value the service lists as not allowed (services without the list are tried). */
    private void allow(JsonNode boot, String property, String value, String label) throws BmcException {
        JsonNode allowed = boot.path(property + "@Redfish.AllowableValues");
        if (allowed.isArray() && !texts(allowed).contains(value)) {
            throw new BmcException(Kind.UNSUPPORTED, session.bmc() + " cannot boot " + label + ": its "
                    + property + " allows only " + String.join(", ", texts(allowed)));
        }
    }

    /**
     * LocationIndicatorActive replaces the deprecated IndicatorLED on newer services and is used for
     * on and off where there. Only IndicatorLED can say Blinking, so blink uses it wherever the
     * service has it; a service with LocationIndicatorActive alone gets true, the one way it has to
     * show the node, and reads back on. On or off also ends a Blinking IndicatorLED on a service with
     * both, which may not tie the two together.
     */
    @Override
    public void identify(IdentifyState state) throws BmcException {
        JsonNode current = session.get(system);
        boolean location = current.has("LocationIndicatorActive");
        boolean led = current.hasNonNull("IndicatorLED");
        if (!location && !led) {
            throw new BmcException(Kind.UNSUPPORTED, session.bmc() + " has no locating light on " + system);
        }
        ObjectNode body = json.createObjectNode();
        if (state == IdentifyState.BLINK && led) {
            body.put("IndicatorLED", "Blinking");
        } else if (location) {
            body.put("LocationIndicatorActive", state != IdentifyState.OFF);
            if (blinking(current)) {
                body.put("IndicatorLED", state == IdentifyState.OFF ? "Off" : "Lit");
            }
        } else {
            body.put("IndicatorLED", state == IdentifyState.ON ? "Lit" : "Off");
        }
        session.patch(system, body);
    }

    /** Blinking is read first: only IndicatorLED can say it, and blink sets it even where both are. */
    @Override
    public IdentifyState identifyState() throws BmcException {
        JsonNode current = session.get(system);
        if (blinking(current)) {
            return IdentifyState.BLINK;
        }
        JsonNode active = current.path("LocationIndicatorActive");
        if (active.isBoolean()) {
            return active.booleanValue() ? IdentifyState.ON : IdentifyState.OFF;
        }
        JsonNode led = current.path("IndicatorLED");
        if (led.isMissingNode() || led.isNull()) {
            throw new BmcException(Kind.UNSUPPORTED, session.bmc() + " has no locating light on " + system);
        }
        return switch (led.asText()) {
            case "Lit" -> IdentifyState.ON;
            case "Off" -> IdentifyState.OFF;
            default -> throw session.malformed(system, "an unknown IndicatorLED \"" + led.asText() + "\"");
        };
    }

    private static boolean blinking(JsonNode system) {
        return "Blinking".equals(system.path("IndicatorLED").asText());
    }

    @Override
    public List<InventoryItem> inventory() throws BmcException {
        JsonNode node = session.get(system);
        List<InventoryItem> items = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        put(info, "Manufacturer", node.path("Manufacturer"));
        put(info, "Product name", node.path("Model"));
        put(info, "Serial Number", node.path("SerialNumber"));
        put(info, "UUID", node.path("UUID"));
        put(info, "BIOS version", node.path("BiosVersion"));
        put(info, "SKU", node.path("SKU"));
        items.add(new InventoryItem("System", true, info));
        int number = 0;
        for (JsonNode processor : collection(node, "Processors")) {
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "Manufacturer", processor.path("Manufacturer"));
            put(details, "Model", processor.path("Model"));
            put(details, "Architecture", processor.path("ProcessorArchitecture"));
            put(details, "Cores", processor.path("TotalCores"));
            put(details, "Threads", processor.path("TotalThreads"));
            put(details, "Max speed (MHz)", processor.path("MaxSpeedMHz"));
            items.add(new InventoryItem("Processor " + ++number, present(processor), details));
        }
        number = 0;
        for (JsonNode memory : collection(node, "Memory")) {
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "Manufacturer", memory.path("Manufacturer"));
            put(details, "Type", memory.path("MemoryDeviceType"));
            put(details, "Size (MiB)", memory.path("CapacityMiB"));
            put(details, "Speed (MHz)", memory.path("OperatingSpeedMhz"));
            put(details, "Part Number", memory.path("PartNumber"));
            put(details, "Serial Number", memory.path("SerialNumber"));
            items.add(new InventoryItem("Memory " + ++number, present(memory), details));
        }
        number = 0;
        for (JsonNode nic : collection(node, "EthernetInterfaces")) {
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "Name", nic.path("Name"));
            JsonNode mac = nic.path("MACAddress").isTextual() ? nic.path("MACAddress") : nic.path("PermanentMACAddress");
            put(details, "MAC Address 1", mac);
            put(details, "Speed (Mbps)", nic.path("SpeedMbps"));
            items.add(new InventoryItem("NIC " + ++number, present(nic), details));
        }
        return items;
    }

    @Override
    public List<SensorReading> sensors() throws BmcException {
        List<SensorReading> readings = new ArrayList<>();
        for (String chassis : chassis()) {
            Optional<JsonNode> found = session.find(chassis);
            if (found.isEmpty()) {
                continue;
            }
            JsonNode node = found.get();
            if (node.has("Sensors")) {
                // the Sensors collection (Redfish 2019.4) holds every reading Thermal and Power did
                for (JsonNode sensor : collection(node, "Sensors")) {
                    readings.add(reading(sensor, sensor.path("ReadingType").asText("Other"),
                            sensor.path("Reading"), units(sensor.path("ReadingUnits").asText(""))));
                }
                continue;
            }
            JsonNode thermal = linked(node, "Thermal");
            for (JsonNode temperature : thermal.path("Temperatures")) {
                readings.add(reading(temperature, "Temperature", temperature.path("ReadingCelsius"), "°C"));
            }
            for (JsonNode fan : thermal.path("Fans")) {
                readings.add(reading(fan, "Fan", fan.path("Reading"), units(fan.path("ReadingUnits").asText("RPM"))));
            }
            JsonNode power = linked(node, "Power");
            for (JsonNode voltage : power.path("Voltages")) {
                readings.add(reading(voltage, "Voltage", voltage.path("ReadingVolts"), "V"));
            }
            for (JsonNode control : power.path("PowerControl")) {
                readings.add(reading(control, "Power", control.path("PowerConsumedWatts"), "W"));
            }
        }
        return readings;
    }

    /** The system's chassis, or every chassis of the service when the system links none. */
    private Set<String> chassis() throws BmcException {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode link : session.get(system).path("Links").path("Chassis")) {
            RedfishSession.text(link, "@odata.id").ifPresent(paths::add);
        }
        if (paths.isEmpty()) {
            Optional<String> all = RedfishSession.text(session.root().path("Chassis"), "@odata.id");
            if (all.isPresent()) {
                Optional<JsonNode> collection = session.find(all.get());
                if (collection.isPresent()) {
                    paths.addAll(members(session, all.get(), collection.get()));
                }
            }
        }
        return paths;
    }

    private SensorReading reading(JsonNode sensor, String type, JsonNode value, String units) {
        String name = sensor.path("Name").asText(sensor.path("MemberId").asText(type));
        JsonNode status = sensor.path("Status");
        String word = status.path("Health").asText("OK");
        Health health = switch (word) {
            case "Warning" -> Health.WARNING;
            case "Critical" -> Health.CRITICAL;
            default -> Health.OK;
        };
        List<String> states = new ArrayList<>();
        if (health != Health.OK) {
            states.add(word);
        }
        String state = status.path("State").asText("Enabled");
        if (!state.equals("Enabled")) {
            states.add(state);
        }
        return new SensorReading(name, type, value.isNumber() ? value.asDouble() : null, units, health, states);
    }

    private static String units(String redfish) {
        return switch (redfish) {
            case "Cel" -> "°C";
            case "Percent", "%" -> "%";
            default -> redfish;
        };
    }

    /** The members of the collection {@code owner} links as {@code property}, each read; none if the service lacks it. */
    private List<JsonNode> collection(JsonNode owner, String property) throws BmcException {
        Optional<String> path = RedfishSession.text(owner.path(property), "@odata.id");
        if (path.isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> found = session.find(path.get());
        if (found.isEmpty()) {
            return List.of();
        }
        List<JsonNode> read = new ArrayList<>();
        for (String member : members(session, path.get(), found.get())) {
            session.find(member).ifPresent(read::add);
        }
        return read;
    }

    /** The resource {@code owner} links as {@code property}, or an empty object. */
    private JsonNode linked(JsonNode owner, String property) throws BmcException {
        Optional<String> path = RedfishSession.text(owner.path(property), "@odata.id");
        return path.isEmpty() ? json.createObjectNode() : session.find(path.get()).orElse(json.createObjectNode());
    }

    private static List<String> members(RedfishSession session, String path, JsonNode collection)
            throws BmcException {
        JsonNode members = collection.path("Members");
        if (!members.isArray()) {
            throw session.malformed(path, "a collection without Members");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode member : members) {
            paths.add(RedfishSession.text(member, "@odata.id")
                    .orElseThrow(() -> session.malformed(path, "a member without @odata.id")));
        }
        return paths;
    }

    private static boolean present(JsonNode resource) {
        return !"Absent".equals(resource.path("Status").path("State").asText());
    }

    private static void put(Map<String, String> info, String label, JsonNode value) {
        if ((value.isTextual() && !value.asText().isBlank()) || value.isNumber()) {
            info.put(label, value.asText());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Override
    public void close() {
        session.logout();
    }

    @Override
    public String toString() {
        return "RedfishBmc[" + session.bmc() + " " + system + "]";
    }
}
