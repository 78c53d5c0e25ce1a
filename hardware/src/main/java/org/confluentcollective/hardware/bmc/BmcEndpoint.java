package org.confluentcollective.hardware.bmc;

import java.util.Objects;

/**
 * Where a BMC listens, from {@code hardwaremanagement.manager}: {@code host}, {@code host:port},
 * {@code [v6]} or {@code [v6]:port}, optionally followed by {@code /prefix} (a subnet length
 * used by deployment, ignored here).
 *
 * @param port 0 when the attribute names none: the protocol's default port is used
 */
public record BmcEndpoint(String host, int port) {

    public BmcEndpoint {
        Objects.requireNonNull(host, "host");
    }

    public int portOr(int defaultPort) {
        return port == 0 ? defaultPort : port;
    }

    /** Parses the attribute's value; malformed values are BAD_SETTINGS naming the value. */
    public static BmcEndpoint parse(String manager) throws BmcException {
        String text = manager == null ? "" : manager.strip();
        int slash = text.indexOf('/');
        if (slash >= 0) {
            text = text.substring(0, slash);
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw malformed(manager);
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw malformed(manager);
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) < 0) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            } else {
                host = text;
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw malformed(manager);
        }
        int number = 0;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw malformed(manager);
            }
            if (number < 1 || number > 65535) {
                throw malformed(manager);
            }
        }
        return new BmcEndpoint(host, number);
    }

    private static BmcException malformed(String manager) {
        return new BmcException(BmcException.Kind.BAD_SETTINGS, "hardwaremanagement.manager \"" + manager
                + "\" is not an address (host, host:port or [ipv6]:port)");
    }

    @Override
    public String toString() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == 0 ? shown : shown + ":" + port;
    }
}
