package org.confluentcollective.server.collective;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.utils.ZKPaths;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members as routing and {@code collective show} need them, from caches of the registry and
 * the liveness znodes: who is registered, where a member is reached and whether it is live,
 * answered without a ZooKeeper round trip per request.
 */
public final class MemberDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemberDirectory.class);

    private final CollectivePaths paths;
    private final String selfName;
    private final CuratorCache registry;
    private final CuratorCache live;
    private final ObjectMapper json = new ObjectMapper();
    /** Set once the registry cache holds every entry that existed when it started. */
    private volatile boolean registryLoaded;

    public MemberDirectory(CuratorFramework curator, CollectivePaths paths, String selfName) {
        this.paths = paths;
        this.selfName = selfName;
        // Failed background reads are retried by the caches themselves; the default handler logs ERROR.
        this.registry = CuratorCache.builder(curator, paths.members())
                .withExceptionHandler(e -> LOG.debug("member registry cache: read failed, retried", e)).build();
        this.live = CuratorCache.builder(curator, paths.liveParent())
                .withExceptionHandler(e -> LOG.debug("liveness cache: read failed, retried", e)).build();
    }

    public void start() {
        registry.listenable().addListener(CuratorCacheListener.builder()
                .forInitialized(() -> registryLoaded = true)
                .build());
        registry.start();
        live.start();
    }

    /** Whether {@link #members()} answers from a loaded cache (false until its first full read). */
    public boolean registryLoaded() {
        return registryLoaded;
    }

    /**
     * Every registered member, naturally sorted by name, as the cache holds them now; entries
     * that cannot be read are left out (and logged).
     */
    public List<MemberInfo> members() {
        NaturalOrder order = new NaturalOrder();
        return registry.stream()
                .filter(node -> paths.members().equals(ZKPaths.getPathAndNode(node.getPath()).getPath()))
                .map(node -> read(ZKPaths.getNodeFromPath(node.getPath()), node.getData()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(MemberInfo::name, order))
                .toList();
    }

    /** This member's name. */
    public String selfName() {
        return selfName;
    }

    /** A registered member, if {@code name} is one. */
    public Optional<MemberInfo> member(String name) {
        return registry.get(paths.member(name)).map(ChildData::getData).flatMap(data -> read(name, data));
    }

    private Optional<MemberInfo> read(String name, byte[] data) {
        try {
            return Optional.of(json.readValue(data, MemberInfo.class));
        } catch (IOException e) {
            LOG.warn("unreadable member entry for {}: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the member's liveness znode exists (it goes with the member's ZooKeeper session). */
    public boolean isLive(String name) {
        return name.equals(selfName) || live.get(paths.live(name)).isPresent();
    }

    @Override
    public void close() {
        live.close();
        registry.close();
    }
}
