package org.confluentcollective.server.inspect;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.Znode;
import org.confluentcollective.server.api.ZnodeReader;
import org.confluentcollective.server.api.ZnodeStat;
import org.confluentcollective.server.api.ZnodeTree;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * zkCli-style reads of any znode, for debugging: children, data (secrets masked by
 * {@link SecretMasker}), metadata, and a bounded recursive listing. Reads go to ZooKeeper,
 * not to the in-memory copy, so they show what is really stored. Read only; thread-safe.
 */
public final class ZnodeInspector implements ZnodeReader {

    private static final NaturalOrder ORDER = new NaturalOrder();
    /** How long a read waits for the ZooKeeper connection before answering 503. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(2);

    private final CuratorFramework curator;
    private final SecretMasker masker = new SecretMasker();

    public ZnodeInspector(CuratorFramework curator) {
        this.curator = Objects.requireNonNull(curator, "curator");
    }

    /** The names of {@code path}'s children in natural order ({@code n2} before {@code n10}). */
    @Override
    public List<String> children(String path) {
        ZnodePath.check(path);
        List<String> children = new ArrayList<>(read(path, () -> curator.getChildren().forPath(path)));
        children.sort(ORDER);
        return children;
    }

    /** The znode's data, masked, with its metadata. */
    @Override
    public Znode get(String path) {
        ZnodePath.check(path);
        Stat stat = new Stat();
        byte[] data = read(path, () -> curator.getData().storingStatIn(stat).forPath(path));
        return new Znode(path, masker.mask(ZnodePath.name(path), data), statOf(stat));
    }

    /** The znode's metadata, as zkCli's {@code stat} shows it. */
    @Override
    public ZnodeStat stat(String path) {
        ZnodePath.check(path);
        Stat stat = read(path, () -> curator.checkExists().forPath(path));
        if (stat == null) {
            throw missing(path);
        }
        return statOf(stat);
    }

    /**
     * {@code path} and the znodes below it, depth first, children in natural order; stops after
     * {@code maxEntries} paths and then says so. Znodes removed during the walk are left out.
     */
    @Override
    public ZnodeTree tree(String path, int maxEntries) {
        ZnodePath.check(path);
        if (maxEntries < 1 || maxEntries > MAX_TREE_ENTRIES) {
            throw RequestException.badRequest("the limit must be between 1 and " + MAX_TREE_ENTRIES
                    + ", not " + maxEntries);
        }
        List<String> paths = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(path);
        while (!pending.isEmpty()) {
            if (paths.size() == maxEntries) {
                return new ZnodeTree(path, paths, true);
            }
            String next = pending.pop();
            Optional<List<String>> children = next.equals(path) ? Optional.of(children(path)) : childrenIfPresent(next);
            if (children.isPresent()) {
                paths.add(next);
                List<String> names = children.get();
                for (int i = names.size() - 1; i >= 0; i--) {
                    pending.push(ZnodePath.child(next, names.get(i)));
                }
            }
        }
        return new ZnodeTree(path, paths, false);
    }

    private static ZnodeStat statOf(Stat stat) {
        return new ZnodeStat(stat.getCzxid(), stat.getMzxid(), stat.getPzxid(), stat.getCtime(), stat.getMtime(),
                stat.getVersion(), stat.getCversion(), stat.getAversion(), stat.getEphemeralOwner(),
                stat.getDataLength(), stat.getNumChildren());
    }

    private Optional<List<String>> childrenIfPresent(String path) {
        try {
            return Optional.of(children(path));
        } catch (RequestException e) {
            if (e.kind() == RequestException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One ZooKeeper read. */
    private interface Read<T> {
        T run() throws Exception;
    }

    private <T> T read(String path, Read<T> read) {
        // Disconnected, Curator would retry for a minute and more before giving up; a moment's
        // reconnection (or a client still connecting) is waited for.
        try {
            if (!curator.blockUntilConnected((int) CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable(path, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(path, e);
        }
        try {
            return read.run();
        } catch (KeeperException.NoNodeException e) {
            throw missing(path);
        } catch (KeeperException.NoAuthException e) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "ZooKeeper does not let this member read " + path, e);
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException
                 | KeeperException.OperationTimeoutException e) {
            throw unavailable(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(path, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read znode " + path + ": " + e, e);
        }
    }

    private static RequestException missing(String path) {
        return RequestException.notFound("no znode " + path);
    }

    private static RequestException unavailable(String path, Exception cause) {
        return new RequestException(RequestException.Kind.UNAVAILABLE,
                "cannot read znode " + path + ": ZooKeeper is not reachable (no quorum?)", cause);
    }
}
