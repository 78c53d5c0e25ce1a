package org.confluentcollective.server.deploy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.confluentcollective.server.api.AttributeView;

/**
 * The IPv4 configuration of a node's interface on the deployment network, as the original's
 * {@code deploycfg} names it; each field null when unknown.
 *
 * @param prefix the {@code /prefix} of the node's address attribute (the original also takes it
 *               from its own interface; we know only what the attribute says)
 */
record DeployNetwork(String address, String method, Integer prefix, String gateway, String server) {

    /**
     * From the node's {@code net.*ipv4_*} attributes: the interface whose address is the client's,
     * else the one whose subnet holds this member's address.
     */
    static DeployNetwork of(SortedMap<String, AttributeView> attributes, String clientAddress, String serverAddress) {
        Map<String, Map<String, String>> byInterface = new TreeMap<>();
        attributes.forEach((name, view) -> {
            if (view.value() != null && !view.value().isBlank()) {
                int last = name.lastIndexOf('.');
                byInterface.computeIfAbsent(name.substring(0, last), i -> new LinkedHashMap<>())
                        .put(name.substring(last + 1), view.value().strip());
            }
        });
        Map<String, String> chosen = null;
        for (Map<String, String> nic : byInterface.values()) {
            String address = nic.get("ipv4_address");
            if (address != null && address.replaceFirst("/.*", "").equals(clientAddress)) {
                chosen = nic;
                break;
            }
            if (chosen == null && address != null && onSubnet(address, serverAddress)) {
                chosen = nic;
            }
        }
        if (chosen == null) {
            return new DeployNetwork(null, null, null, null, serverAddress);
        }
        String address = chosen.get("ipv4_address");
        Integer prefix = address.contains("/") ? prefix(address) : null;
        String method = chosen.getOrDefault("ipv4_method", "static");
        // As the original: the installer sets firmware-given addresses statically.
        return new DeployNetwork(address.replaceFirst("/.*", ""), method.equals("firmwaredhcp") ? "static" : method,
                prefix, chosen.get("ipv4_gateway"), serverAddress);
    }

    /** The original's keys ({@code ipv4_netmask} only with a prefix). */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ipv4_address", address);
        map.put("ipv4_method", method);
        map.put("prefix", prefix);
        map.put("ipv4_gateway", gateway);
        map.put("deploy_server", server);
        if (prefix != null) {
            long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            map.put("ipv4_netmask", (mask >> 24) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "."
                    + (mask & 255));
        }
        return map;
    }

    private static Integer prefix(String address) {
        try {
            int prefix = Integer.parseInt(address.substring(address.indexOf('/') + 1));
            return prefix >= 0 && prefix <= 32 ? prefix : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean onSubnet(String addressWithPrefix, String serverAddress) {
        Integer prefix = addressWithPrefix.contains("/") ? prefix(addressWithPrefix) : null;
        if (prefix == null || prefix == 0) {
            return false;
        }
        Long node = ipv4(addressWithPrefix.replaceFirst("/.*", ""));
        Long server = ipv4(serverAddress);
        long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return node != null && server != null && (node & mask) == (server & mask);
    }

    /** A dotted IPv4 address as a number; null for anything else (no name is resolved). */
    private static Long ipv4(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (!(address instanceof Inet4Address)) {
                return null;
            }
            byte[] b = address.getAddress();
            return ((b[0] & 255L) << 24) | ((b[1] & 255L) << 16) | ((b[2] & 255L) << 8) | (b[3] & 255L);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
