package org.confluentcollective.cli.hardware;

import org.confluentcollective.cli.transport.ApiPath;

/** The REST paths of node operations for a noderange. */
final class HardwarePaths {

    static final String POWER = "power/state";
    static final String BOOT_DEVICE = "boot/nextdevice";
    static final String IDENTIFY = "identify";
    static final String INVENTORY = "inventory/hardware/all/all";
    static final String HEALTH = "health/hardware";
    static final String SENSORS = "sensors/hardware/all";

    private HardwarePaths() {
    }

    static String of(String noderange, String operation) {
        return "/noderange/" + ApiPath.segment(noderange) + "/" + operation;
    }
}
