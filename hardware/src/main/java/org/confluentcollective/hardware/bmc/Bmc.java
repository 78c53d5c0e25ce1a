package org.confluentcollective.hardware.bmc;

import java.util.List;

/**
 * One open connection to a node's baseboard management controller. Not shared between threads:
 * each operation on a node opens its own, so a slow BMC holds only its own node's worker.
 * Every call is bounded by the timeout the connection was opened with.
 */
public interface Bmc extends AutoCloseable {

    PowerState powerState() throws BmcException;

    /** Requests the power change; it may land later (Redfish BMCs act within seconds). */
    void power(PowerAction action) throws BmcException;

    BootTarget nextBoot() throws BmcException;

    void setNextBoot(BootTarget target) throws BmcException;

    /**
     * Turns the locating light on (until turned off), off, or blinking as far as the BMC can tell
     * blinking from on (IPMI: the timed identify; see each implementation).
     */
    void identify(IdentifyState state) throws BmcException;

    /**
     * The locating light as the BMC reports it.
     *
     * @throws BmcException UNSUPPORTED when the BMC does not report it
     */
    IdentifyState identifyState() throws BmcException;

    /** The system first, then processors, memory and network adapters, each with what the BMC tells. */
    List<InventoryItem> inventory() throws BmcException;

    /** Every sensor the BMC reports; empty if it reports none. */
    List<SensorReading> sensors() throws BmcException;

    /** Ends the session; never throws. */
    @Override
    void close();
}
