package org.confluentcollective.hardware.ipmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.metricshub.ipmi.core.api.async.ConnectionHandle;
import org.metricshub.ipmi.core.api.sync.IpmiConnector;
import org.metricshub.ipmi.core.coding.PayloadCoder;
import org.metricshub.ipmi.core.coding.commands.IpmiVersion;
import org.metricshub.ipmi.core.coding.commands.PrivilegeLevel;
import org.metricshub.ipmi.core.coding.commands.ResponseData;
import org.metricshub.ipmi.core.coding.commands.session.SetSessionPrivilegeLevel;
import org.metricshub.ipmi.core.coding.payload.lan.IPMIException;
import org.metricshub.ipmi.core.coding.payload.lan.NetworkFunction;
import org.metricshub.ipmi.core.coding.protocol.AuthenticationType;
import org.metricshub.ipmi.core.coding.security.CipherSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RMCP+ session on a connector of its own (its UDP socket and receiver thread), used by one
 * thread; every failure becomes a BmcException naming the BMC.
 */
final class IpmiSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpmiSession.class);

    /** About 2% of opens against ipmi_sim lose a race inside the library on RAKP 4; a new connection succeeds. */
    private static final int OPEN_ATTEMPTS = 3;
    /** RMCP+ status codes (RAKP 2) that mean the user name or its role was refused. */
    private static final Set<Integer> REFUSED_USER = Set.of(0x09, 0x0a, 0x0c, 0x0d);
    private static final Set<Integer> UNSUPPORTED = Set.of(0xc1);

    private final String bmc;
    private final Duration timeout;
    private final IpmiConnector connector;
    private final ConnectionHandle handle;

    private IpmiSession(String bmc, Duration timeout, IpmiConnector connector, ConnectionHandle handle) {
        this.bmc = bmc;
        this.timeout = timeout;
        this.connector = connector;
        this.handle = handle;
    }

    /** Logs in as {@code user} at Administrator level with cipher suite 3 (what ipmitool -C 3 does). */
    static IpmiSession open(String bmc, InetAddress address, int port, String user, String password, Duration timeout)
            throws BmcException {
        IpmiLibrary.configure();
        BmcException last = null;
        for (int attempt = 1; attempt <= OPEN_ATTEMPTS; attempt++) {
            IpmiConnector connector;
            try {
                connector = new IpmiConnector(0, 0L);  // ephemeral local port, no keep-alive thread
            } catch (IOException e) {
                throw new BmcException(Kind.BMC_ERROR, bmc + ": cannot open a local UDP socket: " + e.getMessage(), e);
            }
            ConnectionHandle handle = null;
            boolean sessionOpen = false;
            try {
                // a fixed suite skips cipher discovery, which some BMCs (ipmi_sim) never answer
                handle = connector.createConnection(address, port,
                        new CipherSuite((byte) 3, (byte) 1, (byte) 1, (byte) 1), PrivilegeLevel.Administrator);
                connector.setTimeout(handle, exchangeMillis(timeout));
                connector.openSession(handle, user, password, null);
                sessionOpen = true;
                // without it, control commands fail with 0xd4 (insufficient privilege)
                connector.sendMessage(handle, new SetSessionPrivilegeLevel(IpmiVersion.V20, handle.getCipherSuite(),
                        AuthenticationType.RMCPPlus, PrivilegeLevel.Administrator));
                return new IpmiSession(bmc, timeout, connector, handle);
            } catch (Exception e) {
                BmcException failure = openFailure(bmc, user, timeout, sessionOpen, e);
                release(connector, sessionOpen ? handle : null);
                if (failure != null) {
                    throw failure;
                }
                LOG.debug("{}: session open attempt {} failed ({}), retrying on a new connection", bmc, attempt,
                        e.toString());
                last = new BmcException(Kind.BMC_ERROR, bmc + ": could not open a session after " + OPEN_ATTEMPTS
                        + " attempts: " + describe(e), e);
            }
        }
        throw last;
    }

    CipherSuite cipherSuite() {
        return handle.getCipherSuite();
    }

    RawCommand.Response send(String what, NetworkFunction function, int command, byte... data) throws BmcException {
        return send(what, UNSUPPORTED, function, command, data);
    }

    /** Sends a request; completion codes in {@code unsupported} mean the BMC cannot do it. */
    RawCommand.Response send(String what, Set<Integer> unsupported, NetworkFunction function, int command,
                             byte... data) throws BmcException {
        return send(what, unsupported, new RawCommand(cipherSuite(), function, command, data), RawCommand.Response.class);
    }

    <T extends ResponseData> T send(String what, PayloadCoder coder, Class<T> type) throws BmcException {
        return send(what, UNSUPPORTED, coder, type);
    }

    private <T extends ResponseData> T send(String what, Set<Integer> unsupported, PayloadCoder coder, Class<T> type)
            throws BmcException {
        try {
            return type.cast(connector.sendMessage(handle, coder));
        } catch (Exception e) {
            IPMIException refusal = find(e, IPMIException.class);
            if (refusal != null) {
                int code = refusal.getCompletionCode().getCode();
                if (unsupported.contains(code)) {
                    throw new BmcException(Kind.UNSUPPORTED, String.format(
                            "%s: the BMC does not support %s (completion code 0x%02x)", bmc, what, code), e);
                }
                throw new BmcException(Kind.BMC_ERROR, String.format(
                        "%s: the BMC refused %s: completion code 0x%02x", bmc, what, code), e);
            }
            if (isTimeout(e)) {
                throw new BmcException(Kind.UNREACHABLE, bmc + ": no answer to " + what + " within "
                        + seconds(timeout), e);
            }
            throw new BmcException(Kind.BMC_ERROR, bmc + ": " + what + " failed: " + describe(e), e);
        }
    }

    @Override
    public void close() {
        release(connector, handle);
    }

    /** Closes the session (best effort) and always tears the connector down: its thread is not a daemon. */
    private static void release(IpmiConnector connector, ConnectionHandle openSession) {
        try {
            if (openSession != null) {
                connector.closeSession(openSession);
            }
        } catch (Exception e) {
            LOG.debug("closing an IPMI session failed: {}", e.toString());
        } finally {
            connector.tearDown();
        }
    }

    /** Null when another attempt on a new connection may succeed. */
    private static BmcException openFailure(String bmc, String user, Duration timeout, boolean sessionOpen,
                                            Exception e) {
        if (isTimeout(e)) {
            return new BmcException(Kind.UNREACHABLE, bmc + ": no answer from the BMC within " + seconds(timeout), e);
        }
        SocketException socket = find(e, SocketException.class);
        if (socket != null) {
            return new BmcException(Kind.UNREACHABLE, bmc + ": cannot reach the BMC: " + socket.getMessage(), e);
        }
        IllegalArgumentException check = find(e, IllegalArgumentException.class);
        if (!sessionOpen && check != null && "Authentication check failed".equals(check.getMessage())) {
            return new BmcException(Kind.BAD_CREDENTIALS, bmc + ": the BMC refused the password of user " + user, e);
        }
        IPMIException refusal = find(e, IPMIException.class);
        if (refusal != null) {
            int code = refusal.getCompletionCode().getCode();
            if (!sessionOpen && REFUSED_USER.contains(code)) {
                return new BmcException(Kind.BAD_CREDENTIALS, String.format(
                        "%s: the BMC refused user %s (status 0x%02x)", bmc, user, code), e);
            }
            return new BmcException(Kind.BMC_ERROR, String.format("%s: the BMC refused %s (code 0x%02x)", bmc,
                    sessionOpen ? "Administrator privilege" : "the session", code), e);
        }
        return null;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().endsWith("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Throwable> E find(Throwable e, Class<E> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The library's wait loop counts 1 ms sleeps, so an exchange lasts about 1.2 times its timeout:
     * asking for 5/6 keeps a silent BMC's failure near the target's timeout.
     */
    private static int exchangeMillis(Duration timeout) {
        return (int) Math.max(200, Math.min(Integer.MAX_VALUE, timeout.toMillis() * 5 / 6));
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() / 1000.0 + " s";
    }
}
