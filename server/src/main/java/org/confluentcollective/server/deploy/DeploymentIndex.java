package org.confluentcollective.server.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.BootNode;
import org.confluentcollective.server.api.BootNode.BootInterface;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.MacAddress;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.noderange.MemberUniverse;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.noderange.UnknownNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeploymentView} over this member's copy of the database. MAC and UUID lookups go through
 * an index that is rebuilt, on the first lookup after a node or group changed (the database's
 * change counter), by one pass over the copy: a boot packet costs a map lookup, a change costs one
 * pass when the next packet comes (about a second for 100,000 nodes, see DeploymentIndexTest).
 * The node's details and the serving decision are read per packet from the copy, so they are
 * never stale. Nothing here needs a quorum but {@link #assignHwaddr}.
 */
public final class DeploymentIndex implements DeploymentView {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentIndex.class);

    static final String MANAGER = "collective.manager";
    static final String CANDIDATES = "collective.managercandidates";
    static final String PENDING = "deployment.pendingprofile";
    static final String UUID = "id.uuid";
    static final String INSECURE = "deployment.useinsecureprotocols";
    private static final AttributeSelection IDENTITIES =
            new AttributeSelection(false, List.of("net.*hwaddr", UUID));
    private static final AttributeSelection BOOT =
            new AttributeSelection(false, List.of("net.*", PENDING, INSECURE));
    private static final AttributeSelection SERVING = new AttributeSelection(false, List.of(MANAGER, CANDIDATES));
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Comparator<String> NATURAL = new NaturalOrder();

    /** The lookups as of one value of the database's change counter. */
    private record Index(long changeCount, Map<String, String> byMac, Map<String, String> byUuid) {
    }

    private final NodeDatabase nodes;
    private final String self;
    private final Supplier<Set<String>> liveMembers;
    private final NodeRanges noderanges;
    private volatile Index index = new Index(Long.MIN_VALUE, Map.of(), Map.of());

    /**
     * @param liveMembers the members whose liveness this member last saw (the collective's
     *                    cache; it keeps its last state without a quorum)
     */
    public DeploymentIndex(NodeDatabase nodes, String self, Supplier<Set<String>> liveMembers,
                           NodeRanges noderanges) {
        this.nodes = nodes;
        this.self = self;
        this.liveMembers = liveMembers;
        this.noderanges = noderanges;
    }

    @Override
    public String selfName() {
        return self;
    }

    @Override
    public Optional<BootNode> nodeByMac(String mac) {
        return MacAddress.normalise(mac).map(current().byMac()::get).flatMap(this::bootNode);
    }

    @Override
    public Optional<BootNode> nodeByUuid(String uuid) {
        return normaliseUuid(uuid).map(current().byUuid()::get).flatMap(this::bootNode);
    }

    @Override
    public Optional<BootNode> nodeByName(String node) {
        return bootNode(node);
    }

    @Override
    public boolean servesDeployment(String node) {
        Optional<SortedMap<String, AttributeView>> attributes = nodes.findNodeAttributes(node, SERVING);
        if (attributes.isEmpty()) {
            return false;
        }
        Set<String> live = new HashSet<>(liveMembers.get());
        // This member runs, whatever its (possibly lost) session says.
        live.add(self);
        String manager = value(attributes.get(), MANAGER);
        Optional<List<String>> allowed = allowedLive(value(attributes.get(), CANDIDATES), live);
        return ServingRule.answerer(manager, allowed, live).map(self::equals).orElse(false);
    }

    @Override
    public String assignHwaddr(String node, String mac) {
        String normal = MacAddress.normalise(mac)
                .orElseThrow(() -> RequestException.badRequest(mac + " is no MAC address"));
        Optional<String> owner = Optional.ofNullable(current().byMac().get(normal));
        if (owner.isPresent() && !owner.get().equals(node)) {
            throw RequestException.conflict(normal + " already belongs to " + owner.get());
        }
        SortedMap<String, AttributeView> attributes = nodes.findNodeAttributes(node,
                        new AttributeSelection(false, List.of("net.*", MANAGER)))
                .orElseThrow(() -> RequestException.notFound(node + " is no node"));
        String slot = freeSlot(node, attributes, normal);
        Map<String, AttributeInput> changes = new HashMap<>();
        changes.put(slot, new AttributeInput.Value(normal));
        if (value(attributes, MANAGER) == null) {
            changes.put(MANAGER, new AttributeInput.Value(self));
        }
        // Two assigns at once (on two members) both see the slot free: only the first may fill it.
        Map<String, String> asRead = new HashMap<>();
        asRead.put(slot, value(attributes, slot));
        asRead.put(MANAGER, value(attributes, MANAGER));
        if (!nodes.updateNodeIf(node, asRead, changes)) {
            throw RequestException.conflict(node + " changed while " + normal + " was being assigned; assign again");
        }
        return slot;
    }

    /** The first unset hwaddr of the named interfaces, else net.hwaddr; one already holding the MAC is kept. */
    private static String freeSlot(String node, SortedMap<String, AttributeView> attributes, String mac) {
        Map<String, Map<String, String>> interfaces = interfaces(attributes);
        for (Map.Entry<String, Map<String, String>> entry : interfaces.entrySet()) {
            String hwaddr = entry.getValue().get("hwaddr");
            if (hwaddr != null && MacAddress.normalise(hwaddr).filter(mac::equals).isPresent()) {
                return attributeName(entry.getKey(), "hwaddr");
            }
        }
        for (Map.Entry<String, Map<String, String>> entry : interfaces.entrySet()) {
            if (!entry.getKey().isEmpty() && entry.getValue().get("hwaddr") == null) {
                return attributeName(entry.getKey(), "hwaddr");
            }
        }
        if (interfaces.getOrDefault("", Map.of()).get("hwaddr") == null) {
            return "net.hwaddr";
        }
        throw RequestException.conflict("every hwaddr of " + node + " is set");
    }

    private Index current() {
        Index held = index;
        long changes = nodes.changeCount();
        if (held.changeCount() == changes) {
            return held;
        }
        synchronized (this) {
            held = index;
            if (held.changeCount() != nodes.changeCount()) {
                held = build();
                index = held;
            }
            return held;
        }
    }

    /** One pass over the copy; the counter is read first, so a change during the pass means another. */
    private Index build() {
        long started = System.nanoTime();
        long changes = nodes.changeCount();
        Map<String, String> byMac = new HashMap<>();
        Map<String, String> byUuid = new HashMap<>();
        int duplicates = 0;
        for (String node : nodes.nodes()) {
            Optional<SortedMap<String, AttributeView>> attributes = nodes.findNodeAttributes(node, IDENTITIES);
            if (attributes.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, AttributeView> entry : attributes.get().entrySet()) {
                String value = entry.getValue().value();
                Optional<String> key = entry.getKey().equals(UUID) ? normaliseUuid(value) : MacAddress.normalise(value);
                if (key.isPresent()) {
                    // Nodes come in natural order: the first node keeps a shared address.
                    String kept = (entry.getKey().equals(UUID) ? byUuid : byMac).putIfAbsent(key.get(), node);
                    if (kept != null && !kept.equals(node)) {
                        duplicates++;
                    }
                }
            }
        }
        if (duplicates > 0) {
            LOG.warn("{} MAC addresses or UUIDs are set on more than one node; the first node in natural order "
                    + "boots with them", duplicates);
        }
        LOG.debug("deployment index: {} MACs, {} UUIDs in {} ms", byMac.size(), byUuid.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Index(changes, Map.copyOf(byMac), Map.copyOf(byUuid));
    }

    private Optional<BootNode> bootNode(String node) {
        return nodes.findNodeAttributes(node, BOOT).map(attributes -> {
            List<BootInterface> interfaces = new ArrayList<>();
            interfaces(attributes).forEach((name, fields) -> interfaces.add(new BootInterface(name,
                    MacAddress.normalise(fields.get("hwaddr")).orElse(null), fields.get("ipv4_address"),
                    fields.get("ipv4_gateway"), fields.get("ipv4_method"))));
            return new BootNode(node, value(attributes, PENDING), interfaces,
                    "never".equals(value(attributes, INSECURE)));
        });
    }

    /** net.* attributes by interface ("" for the unnamed one, first), then by field. */
    private static Map<String, Map<String, String>> interfaces(SortedMap<String, AttributeView> attributes) {
        Map<String, Map<String, String>> interfaces = new TreeMap<>(
                Comparator.comparing((String name) -> !name.isEmpty()).thenComparing(NATURAL));
        attributes.forEach((name, view) -> {
            if (!name.startsWith("net.") || view.value() == null || view.value().isEmpty()) {
                return;
            }
            String rest = name.substring(4);
            int dot = rest.lastIndexOf('.');
            interfaces.computeIfAbsent(dot < 0 ? "" : rest.substring(0, dot), x -> new HashMap<>())
                    .put(rest.substring(dot + 1), view.value());
        });
        return interfaces;
    }

    private static String attributeName(String iface, String field) {
        return iface.isEmpty() ? "net." + field : "net." + iface + "." + field;
    }

    /**
     * The live members among the candidates, or empty when every member is allowed (no
     * candidates, or a text that is no noderange, which failover ignores too).
     */
    private Optional<List<String>> allowedLive(String candidates, Set<String> live) {
        if (candidates == null || candidates.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(noderanges.expand(candidates, new MemberUniverse(live)));
        } catch (UnknownNameException notAllLive) {
            try {
                return Optional.of(noderanges.expandNames(candidates).stream().filter(live::contains).toList());
            } catch (NodeRangeException e) {
                return invalid(candidates);
            }
        } catch (NodeRangeException e) {
            return invalid(candidates);
        }
    }

    private static Optional<List<String>> invalid(String candidates) {
        LOG.debug("collective.managercandidates is no noderange, ignored: {}", candidates);
        return Optional.empty();
    }

    private static String value(Map<String, AttributeView> attributes, String name) {
        AttributeView view = attributes.get(name);
        return view == null || view.value() == null || view.value().isEmpty() ? null : view.value();
    }

    private static Optional<String> normaliseUuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return UUID_TEXT.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
    }
}
