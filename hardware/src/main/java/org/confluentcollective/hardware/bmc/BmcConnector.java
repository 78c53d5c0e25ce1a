package org.confluentcollective.hardware.bmc;

/**
 * Opens BMC connections for one protocol ({@code hardwaremanagement.method} {@code ipmi} or
 * {@code redfish}). Thread-safe; each {@link Bmc} it opens belongs to one thread.
 */
public interface BmcConnector extends AutoCloseable {

    /** Logs in; failures are BmcExceptions naming the BMC and what went wrong, within the target's timeout. */
    Bmc open(BmcTarget target) throws BmcException;

    /** Releases what the connector shares between connections (threads, sockets); never throws. */
    @Override
    void close();
}
