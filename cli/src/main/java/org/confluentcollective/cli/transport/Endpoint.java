package org.confluentcollective.cli.transport;

import java.nio.file.Path;

/** Where confluentd is reached: its local Unix socket, or a member over HTTPS. */
public sealed interface Endpoint {

    /** How the endpoint is named in messages and in {@code known_hosts}. */
    String describe();

    /** The local socket; the daemon treats its peer as an administrator, no password. */
    record UnixSocket(Path path) implements Endpoint {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A member's HTTPS port; HTTP Basic credentials and a pinned self-signed certificate. */
    record Https(String host, int port) implements Endpoint {

        public static final int DEFAULT_PORT = 4005;

        /**
         * Parses {@code HOST}, {@code HOST:PORT}, {@code [V6ADDR]} or {@code [V6ADDR]:PORT}.
         *
         * @throws IllegalArgumentException with a message fit for the user
         */
        public static Https parse(String text) {
            String host;
            String port = null;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("missing ']' in host '" + text + "'");
                }
                host = text.substring(1, close);
                String rest = text.substring(close + 1);
                if (rest.startsWith(":")) {
                    port = rest.substring(1);
                } else if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("unexpected '" + rest + "' after host '" + text + "'");
                }
            } else {
                int colon = text.indexOf(':');
                if (colon >= 0 && colon == text.lastIndexOf(':')) {
                    host = text.substring(0, colon);
                    port = text.substring(colon + 1);
                } else {
                    host = text; // no port, or a bare IPv6 address
                }
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("no host name in '" + text + "'");
            }
            return new Https(host, port == null ? DEFAULT_PORT : parsePort(port, text));
        }

        private static int parsePort(String port, String text) {
            try {
                int value = Integer.parseInt(port);
                if (value > 0 && value < 65536) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("invalid port '" + port + "' in '" + text + "'");
        }

        /** The authority part of URLs: IPv6 addresses in brackets. */
        public String authority() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String describe() {
            return authority();
        }
    }
}
