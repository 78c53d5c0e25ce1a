package org.confluentcollective.dhcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.DiscoveredClient;
import org.confluentcollective.server.api.MacAddress;
import org.confluentcollective.server.api.PxeDiscovery;
import org.confluentcollective.server.api.RequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's unknown PXE clients: kept in memory, bounded (the least recently seen leaves
 * first), refreshed at most once per client per interval so that a booting storm costs nothing,
 * and saved to a file by {@link #flush} (tab-separated, one client a line) so that a restart keeps
 * them. {@link #assign} turns one into a node's MAC (through the view, which may be null for a
 * list that only records).
 */
public final class DiscoveryList implements PxeDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryList.class);

    private final Path file;
    private final int max;
    private final Duration refresh;
    private final Clock clock;
    private final DeploymentView view;
    /** Access order: the eldest entry is the least recently seen. */
    private final LinkedHashMap<String, DiscoveredClient> clients = new LinkedHashMap<>(64, 0.75f, true);
    private boolean dirty;

    public DiscoveryList(Path file, int max, Duration refresh, Clock clock) {
        this(file, max, refresh, clock, null);
    }

    /** @param view where {@link #assign} writes (null: assign refuses) */
    public DiscoveryList(Path file, int max, Duration refresh, Clock clock, DeploymentView view) {
        this.view = view;
        this.file = file;
        this.max = max;
        this.refresh = refresh;
        this.clock = clock;
        load();
    }

    /**
     * Notes a boot attempt of an unknown client.
     *
     * @return whether the list changed (a new client, or one not seen for the refresh interval)
     */
    public synchronized boolean record(String mac, int architecture, String uuid) {
        if (max == 0) {
            return false;
        }
        Instant now = clock.instant();
        DiscoveredClient known = clients.get(mac);
        if (known != null && Duration.between(known.lastSeen(), now).compareTo(refresh) < 0) {
            return false;
        }
        Instant first = known == null ? now : known.firstSeen();
        clients.put(mac, new DiscoveredClient(mac, architecture, uuid, first, now));
        if (clients.size() > max) {
            clients.remove(clients.keySet().iterator().next());
        }
        if (known == null) {
            LOG.info("No node matches boot attempt from uuid {} or hardware address {}", uuid, mac);
        }
        dirty = true;
        return true;
    }

    /** The clients, the most recently seen last. */
    @Override
    public synchronized List<DiscoveredClient> list() {
        List<DiscoveredClient> all = new ArrayList<>(clients.values());
        all.sort(Comparator.comparing(DiscoveredClient::lastSeen));
        return all;
    }

    @Override
    public synchronized Optional<DiscoveredClient> find(String mac) {
        return MacAddress.normalise(mac).map(clients::get);
    }

    /**
     * Gives the discovered MAC to a node (see {@link DeploymentView#assignHwaddr}) and forgets the client.
     *
     * @return the attribute written
     * @throws RequestException NOT_FOUND when this member has not seen the MAC, or as assignHwaddr
     */
    @Override
    public String assign(String mac, String node) {
        if (view == null) {
            throw new IllegalStateException("this discovery list has no deployment view to assign through");
        }
        String normal = MacAddress.normalise(mac)
                .orElseThrow(() -> RequestException.badRequest(mac + " is no MAC address"));
        synchronized (this) {
            if (!clients.containsKey(normal)) {
                throw RequestException.notFound("this member has not seen " + normal + " boot");
            }
        }
        String attribute = view.assignHwaddr(node, normal);
        synchronized (this) {
            clients.remove(normal);
            dirty = true;
        }
        LOG.info("discovered {} assigned to {} ({})", normal, node, attribute);
        return attribute;
    }

    @Override
    public synchronized boolean forget(String mac) {
        String normal = MacAddress.normalise(mac)
                .orElseThrow(() -> RequestException.badRequest(mac + " is no MAC address"));
        if (clients.remove(normal) == null) {
            return false;
        }
        dirty = true;
        return true;
    }

    /** Saves the list when it changed (atomically: a crash leaves the old or the new file). */
    public void flush() {
        if (file == null) {
            return;
        }
        List<DiscoveredClient> snapshot;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            snapshot = list();
        }
        StringBuilder text = new StringBuilder();
        for (DiscoveredClient client : snapshot) {
            text.append(client.mac()).append('\t').append(client.architecture()).append('\t')
                    .append(client.uuid() == null ? "-" : client.uuid()).append('\t')
                    .append(client.firstSeen()).append('\t').append(client.lastSeen()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save the discovery list to {}: {}", file, e.getMessage());
            synchronized (this) {
                dirty = true;
            }
        }
    }

    private void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Map<String, DiscoveredClient> read = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                Optional<String> mac = f.length == 5 ? MacAddress.normalise(f[0]) : Optional.empty();
                if (mac.isEmpty()) {
                    LOG.warn("discovery list {}: line ignored: {}", file, line);
                    continue;
                }
                read.put(mac.get(), new DiscoveredClient(mac.get(), Integer.parseInt(f[1]),
                        f[2].equals("-") ? null : f[2], Instant.parse(f[3]), Instant.parse(f[4])));
            }
            read.values().stream().sorted(Comparator.comparing(DiscoveredClient::lastSeen))
                    .skip(Math.max(0, read.size() - max)).forEach(c -> clients.put(c.mac(), c));
        } catch (IOException | RuntimeException e) {
            LOG.warn("discovery list {} unreadable, starting empty: {}", file, e.getMessage());
        }
    }
}
