package org.confluentcollective.hardware.ipmi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcConnector;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.BmcTarget;

/**
 * Opens IPMI 2.0 (lanplus) sessions, default port 623. Shares nothing between them: each
 * {@link Bmc} has its own library connector, so a slow BMC delays only its own thread.
 */
public final class IpmiBmcConnector implements BmcConnector {

    public static final int DEFAULT_PORT = 623;

    @Override
    public Bmc open(BmcTarget target) throws BmcException {
        int port = target.endpoint().portOr(DEFAULT_PORT);
        String bmc = target.endpoint().host().indexOf(':') >= 0
                ? "[" + target.endpoint().host() + "]:" + port : target.endpoint().host() + ":" + port;
        if (target.user().isEmpty()) {
            throw new BmcException(Kind.BAD_SETTINGS, bmc + ": no BMC user is set for " + target.node());
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(target.endpoint().host());
        } catch (UnknownHostException e) {
            throw new BmcException(Kind.BAD_SETTINGS, bmc + ": cannot resolve the BMC's host name", e);
        }
        return new IpmiBmc(bmc, IpmiSession.open(bmc, address, port, target.user(), target.password(),
                target.timeout()));
    }

    /** Nothing shared to release. */
    @Override
    public void close() {
        // each Bmc tears its own connector down
    }
}
