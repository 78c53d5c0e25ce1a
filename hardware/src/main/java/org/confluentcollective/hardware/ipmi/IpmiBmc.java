package org.confluentcollective.hardware.ipmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.hardware.bmc.InventoryItem;
import org.confluentcollective.hardware.bmc.PowerAction;
import org.confluentcollective.hardware.bmc.PowerState;
import org.confluentcollective.hardware.bmc.SensorReading;
import org.metricshub.ipmi.core.coding.payload.lan.NetworkFunction;

/** A BMC over one IPMI session: chassis commands, boot options, FRU 0 and the SDR repository. */
final class IpmiBmc implements Bmc {

    private static final NetworkFunction CHASSIS = NetworkFunction.ChassisRequest;
    private static final int GET_CHASSIS_STATUS = 0x01;
    private static final int CHASSIS_CONTROL = 0x02;
    private static final int CHASSIS_IDENTIFY = 0x04;
    private static final int SET_BOOT_OPTIONS = 0x08;
    private static final int GET_BOOT_OPTIONS = 0x09;
    /** The longest timed identify (one byte of seconds); it then goes off by itself. */
    private static final int BLINK_SECONDS = 255;
    /** Invalid command, or invalid data field (what ipmi_sim answers to a diagnostic interrupt). */
    private static final Set<Integer> NOT_IMPLEMENTED = Set.of(0xc1, 0xcc);

    private final String bmc;
    private final IpmiSession session;

    IpmiBmc(String bmc, IpmiSession session) {
        this.bmc = bmc;
        this.session = session;
    }

    @Override
    public PowerState powerState() throws BmcException {
        RawCommand.Response status = session.send("Get Chassis Status", CHASSIS, GET_CHASSIS_STATUS);
        require(status, 1, "Get Chassis Status");
        return (status.unsigned(0) & 0x01) != 0 ? PowerState.ON : PowerState.OFF;
    }

    @Override
    public void power(PowerAction action) throws BmcException {
        int control = switch (action) {
            case OFF -> 0x00;
            case ON -> 0x01;
            case RESET -> 0x03;
            case DIAG -> 0x04;
            case SHUTDOWN -> 0x05;  // soft off: ACPI shutdown by the OS
        };
        String what = "power " + action.label() + " (chassis control 0x0" + control + ")";
        session.send(what, action == PowerAction.DIAG ? NOT_IMPLEMENTED : Set.of(0xc1), CHASSIS, CHASSIS_CONTROL,
                (byte) control);
    }

    @Override
    public BootTarget nextBoot() throws BmcException {
        RawCommand.Response options = session.send("Get System Boot Options", CHASSIS, GET_BOOT_OPTIONS,
                (byte) BootFlags.PARAMETER, (byte) 0, (byte) 0);
        require(options, 7, "Get System Boot Options");  // version, parameter, 5 data bytes
        return BootFlags.decode(Arrays.copyOfRange(options.data(), 2, 7));
    }

    @Override
    public void setNextBoot(BootTarget target) throws BmcException {
        byte[] data = new byte[6];
        data[0] = (byte) BootFlags.PARAMETER;
        System.arraycopy(BootFlags.encode(target), 0, data, 1, 5);
        session.send("Set System Boot Options (boot device " + target.device().label() + ")", CHASSIS,
                SET_BOOT_OPTIONS, data);
    }

    @Override
    public void identify(IdentifyState state) throws BmcException {
        session.send("Chassis Identify " + state.label(), CHASSIS, CHASSIS_IDENTIFY, chassisIdentify(state));
    }

    /**
     * Chassis Identify's data (IPMI 2.0 §28.5): byte 1 the interval in seconds, byte 2 bit 0 force
     * on. IPMI has no blink state, so blink is the timed identify (an interval without force, as
     * pyghmi's duration), for the longest interval one byte holds, and on stays the force on it has
     * always been; how each looks is the platform's choice. Off is both zero.
     */
    static byte[] chassisIdentify(IdentifyState state) {
        return switch (state) {
            case ON -> new byte[] {0, 1};
            case OFF -> new byte[] {0, 0};
            case BLINK -> new byte[] {(byte) BLINK_SECONDS, 0};
        };
    }

    @Override
    public IdentifyState identifyState() throws BmcException {
        RawCommand.Response status = session.send("Get Chassis Status", CHASSIS, GET_CHASSIS_STATUS);
        require(status, 3, "Get Chassis Status");
        return identifyState(bmc, status.unsigned(2)).orElseThrow(() -> new BmcException(Kind.UNSUPPORTED, bmc
                + ": the BMC does not report its chassis identify state (Get Chassis Status says it is not "
                + "supported), so identify can be set but not read back"));
    }

    /**
     * The identify state in Get Chassis Status's misc chassis state byte (IPMI 2.0 §28.2, response
     * byte 4): bits 5:4, valid only when bit 6 says the BMC reports it. Off, temporary (timed) on,
     * which is what blink sets, and indefinite on.
     */
    static Optional<IdentifyState> identifyState(String bmc, int miscChassisState) throws BmcException {
        if ((miscChassisState & 0x40) == 0) {
            return Optional.empty();
        }
        return switch ((miscChassisState >> 4) & 0x03) {
            case 0 -> Optional.of(IdentifyState.OFF);
            case 1 -> Optional.of(IdentifyState.BLINK);
            case 2 -> Optional.of(IdentifyState.ON);
            default -> throw new BmcException(Kind.BMC_ERROR, bmc
                    + ": Get Chassis Status reports the reserved chassis identify state 11b");
        };
    }

    @Override
    public List<InventoryItem> inventory() throws BmcException {
        Inventory inventory = new Inventory(bmc, session);
        List<InventoryItem> items = new ArrayList<>();
        items.add(inventory.system());
        items.add(inventory.controller());
        return items;
    }

    @Override
    public List<SensorReading> sensors() throws BmcException {
        return new Sensors(bmc, session).read();
    }

    @Override
    public void close() {
        session.close();
    }

    private void require(RawCommand.Response response, int length, String what) throws BmcException {
        if (response.data().length < length) {
            throw new BmcException(Kind.BMC_ERROR, bmc + ": the answer to " + what + " is " + response.data().length
                    + " bytes, expected at least " + length);
        }
    }
}
