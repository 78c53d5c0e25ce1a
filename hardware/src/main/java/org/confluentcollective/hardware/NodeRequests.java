package org.confluentcollective.hardware;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.RequestException;

/**
 * The node operations hardware management serves, and the checking of their input: a bad input
 * is refused for the whole request before any BMC is contacted.
 */
enum NodeRequests {
    POWER_STATE("power/state", true, true),
    NEXT_BOOT("boot/nextdevice", true, true),
    IDENTIFY("identify", true, true),
    INVENTORY("inventory/hardware/all/all", true, false),
    HEALTH("health/hardware", true, false),
    SENSORS("sensors/hardware/all", true, false);

    static final java.util.List<String> POWER_STATES = java.util.List.of("on", "off", "reset", "boot", "shutdown",
            "diag");

    private final String resource;
    private final boolean readable;
    private final boolean changeable;

    NodeRequests(String resource, boolean readable, boolean changeable) {
        this.resource = resource;
        this.readable = readable;
        this.changeable = changeable;
    }

    static java.util.List<String> resources() {
        return java.util.Arrays.stream(values()).map(request -> request.resource).toList();
    }

    static Optional<NodeRequests> of(NodeOperation operation) {
        for (NodeRequests request : values()) {
            if (request.resource.equals(operation.resource())
                    && (operation.change() ? request.changeable : request.readable)) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /** Checks the input of a change; reads have none. */
    void validate(NodeOperation operation) {
        if (!operation.change()) {
            return;
        }
        switch (this) {
            case POWER_STATE -> powerState(operation.input());
            case NEXT_BOOT -> bootTarget(operation.input());
            case IDENTIFY -> identify(operation.input());
            default -> throw new IllegalStateException(resource + " takes no change");
        }
    }

    static String powerState(Map<String, Object> input) {
        Object state = input.get("state");
        if (!(state instanceof String text) || !POWER_STATES.contains(text.toLowerCase(Locale.ROOT))) {
            throw RequestException.badRequest("\"state\" must be one of " + String.join(", ", POWER_STATES)
                    + (state == null ? "" : ", not " + describe(state)));
        }
        return ((String) state).toLowerCase(Locale.ROOT);
    }

    static BootTarget bootTarget(Map<String, Object> input) {
        Object device = input.get("nextdevice");
        if (!(device instanceof String text) || BootDevice.parse(text).isEmpty()) {
            throw RequestException.badRequest("\"nextdevice\" must be one of network, hd, setup, default, cd, "
                    + "floppy, usb" + (device == null ? "" : ", not " + describe(device)));
        }
        Object mode = input.getOrDefault("bootmode", "unspecified");
        if (!(mode instanceof String modeText) || BootMode.parse(modeText).isEmpty()) {
            throw RequestException.badRequest("\"bootmode\" must be one of unspecified, bios, uefi, not "
                    + describe(mode));
        }
        Object persistent = input.getOrDefault("persistent", false);
        if (!(persistent instanceof Boolean)) {
            throw RequestException.badRequest("\"persistent\" must be true or false, not " + describe(persistent));
        }
        return new BootTarget(BootDevice.parse(text).orElseThrow(), BootMode.parse(modeText).orElseThrow(),
                (Boolean) persistent);
    }

    static IdentifyState identify(Map<String, Object> input) {
        Object identify = input.get("identify");
        if (identify instanceof String text) {
            for (IdentifyState state : IdentifyState.values()) {
                if (state.label().equals(text.toLowerCase(Locale.ROOT))) {
                    return state;
                }
            }
        }
        throw RequestException.badRequest("\"identify\" must be on, off or blink"
                + (identify == null ? "" : ", not " + describe(identify)));
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
}
