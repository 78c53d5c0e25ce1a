package org.confluentcollective.server.collective;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.secrets.PrivateFiles;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the member trust set equal to the member registry: every registered member's
 * certificate fingerprint plus this member's own. A member invited anywhere is trusted here
 * within moments, a deleted one stops being trusted, and nothing restarts. The set is also
 * saved in the state directory, because the ZooKeeper peer needs it to reach the other
 * members before it can read the registry.
 */
public final class MemberPins implements AutoCloseable {

    /** The saved trust set, one fingerprint per line. */
    public static final String FILE_NAME = "member-pins";

    private static final Logger LOG = LoggerFactory.getLogger(MemberPins.class);

    private final CollectivePaths paths;
    private final PinnedTrustManager trust;
    private final String ownFingerprint;
    private final Path stateDir;
    private final ObjectMapper json = new ObjectMapper();
    private final CuratorCache cache;

    public MemberPins(CuratorFramework curator, CollectivePaths paths, PinnedTrustManager trust, String ownFingerprint,
                      Path stateDir) {
        this.paths = paths;
        this.trust = trust;
        this.ownFingerprint = ownFingerprint;
        this.stateDir = stateDir;
        this.cache = CuratorCache.build(curator, paths.members());
    }

    /** The trust set saved by the last run (empty on a first start). */
    public static Set<String> saved(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Set.of();
        }
        Set<String> pins = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                pins.add(line.strip());
            }
        }
        return pins;
    }

    /** Saves a trust set for the next start (a joiner saves the one its inviter sent). */
    public static void save(Path stateDir, Collection<String> fingerprints) {
        PrivateFiles.replace(stateDir.resolve(FILE_NAME),
                (String.join("\n", fingerprints) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public void start() {
        // Refresh only from a complete view: an empty cache before its first load would unpin everyone.
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forInitialized(this::refresh)
                .afterInitialized()
                .forAll((type, before, after) -> refresh())
                .build());
        cache.start();
    }

    private synchronized void refresh() {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(ownFingerprint);
        for (ChildData child : cache.stream().filter(c -> !c.getPath().equals(paths.members())).toList()) {
            try {
                String fingerprint = json.readValue(child.getData(), MemberInfo.class).fingerprint();
                if (!fingerprint.isEmpty()) {
                    wanted.add(fingerprint);
                }
            } catch (IOException e) {
                LOG.warn("unreadable member entry {}: {}", child.getPath(), e.getMessage());
            }
        }
        for (String pinned : trust.pinned()) {
            if (!wanted.contains(pinned)) {
                trust.unpin(pinned);
                LOG.info("no longer trusting {}", pinned);
            }
        }
        for (String fingerprint : wanted) {
            trust.pin(fingerprint);
        }
        save(stateDir, List.copyOf(wanted));
    }

    @Override
    public void close() {
        cache.close();
    }
}
