package org.confluentcollective.server.collective;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.confluentcollective.server.api.MemberInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members as routing needs them, from caches of the registry and the liveness znodes: where a
 * member is reached and whether it is live, answered without a ZooKeeper round trip per request.
 */
public final class MemberDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemberDirectory.class);

    private final CollectivePaths paths;
    private final String selfName;
    private final CuratorCache registry;
    private final CuratorCache live;
    private final ObjectMapper json = new ObjectMapper();

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
        registry.start();
        live.start();
    }

    /** This member's name. */
    public String selfName() {
        return selfName;
    }

    /** A registered member, if {@code name} is one. */
    public Optional<MemberInfo> member(String name) {
        return registry.get(paths.member(name)).map(ChildData::getData).flatMap(data -> {
            try {
                return Optional.of(json.readValue(data, MemberInfo.class));
            } catch (IOException e) {
                LOG.warn("unreadable member entry for {}: {}", name, e.getMessage());
                return Optional.empty();
            }
        });
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
