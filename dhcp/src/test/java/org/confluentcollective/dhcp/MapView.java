package org.confluentcollective.dhcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confluentcollective.server.api.BootNode;
import org.confluentcollective.server.api.BootNode.BootInterface;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.MacAddress;

/** A deployment view over a map of nodes, serving the nodes of {@code served}; for tests and the benchmark. */
final class MapView implements DeploymentView {

    private final String self;
    private final Map<String, BootNode> byMac = new ConcurrentHashMap<>();
    private final Set<String> served;

    MapView(String self, Set<String> served) {
        this.self = self;
        this.served = served;
    }

    /** A node with one interface; {@code address} may be null (proxy mode). */
    MapView add(String node, String mac, String address, String profile) {
        return add(node, mac, address, null, profile);
    }

    /** A node with one interface and its {@code ipv4_gateway}. */
    MapView add(String node, String mac, String address, String gateway, String profile) {
        String normal = MacAddress.normalise(mac).orElseThrow();
        byMac.put(normal, new BootNode(node, profile, List.of(new BootInterface("", normal, address, gateway, null)), false));
        return this;
    }

    /** Marks the node with this MAC {@code deployment.useinsecureprotocols=never}. */
    MapView refusingPlainBoot(String mac) {
        String normal = MacAddress.normalise(mac).orElseThrow();
        BootNode node = byMac.get(normal);
        byMac.put(normal, new BootNode(node.name(), node.pendingProfile(), node.interfaces(), true));
        return this;
    }

    @Override
    public String selfName() {
        return self;
    }

    @Override
    public Optional<BootNode> nodeByMac(String mac) {
        return MacAddress.normalise(mac).map(byMac::get);
    }

    @Override
    public Optional<BootNode> nodeByUuid(String uuid) {
        return Optional.empty();
    }

    @Override
    public Optional<BootNode> nodeByName(String node) {
        return byMac.values().stream().filter(boot -> boot.name().equals(node)).findFirst();
    }

    @Override
    public boolean servesDeployment(String node) {
        return served.contains(node) || served.contains("*");
    }

    @Override
    public String assignHwaddr(String node, String mac) {
        byMac.put(MacAddress.normalise(mac).orElseThrow(), new BootNode(node, null, List.of(), false));
        return "net.hwaddr";
    }
}
