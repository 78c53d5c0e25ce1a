package org.confluentcollective.cli.hardware;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How to boot the next device: {@code -p} keeps it for later boots, {@code -u}/{@code -b} pick the mode. */
final class BootOptions {

    @Option(names = {"-p", "--persist"}, description = "boot from the device every time, not only next time")
    private boolean persist;

    @ArgGroup(exclusive = true)
    private Mode mode;

    /** At most one of the two; neither leaves the mode to the BMC. */
    static final class Mode {
        @Option(names = {"-u", "--uefi"}, required = true, description = "boot in UEFI mode")
        private boolean uefi;

        @Option(names = {"-b", "--bios"}, required = true, description = "boot in legacy BIOS mode")
        private boolean bios;
    }

    /** {@code {"nextdevice":...,"bootmode":...,"persistent":...}}; the server checks the device name. */
    ObjectNode body(ObjectMapper mapper, String device) {
        String bootmode = mode == null ? "unspecified" : mode.uefi ? "uefi" : "bios";
        return mapper.createObjectNode().put("nextdevice", device).put("bootmode", bootmode)
                .put("persistent", persist);
    }
}
