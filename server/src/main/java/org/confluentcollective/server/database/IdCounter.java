package org.confluentcollective.server.database;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.quorum.QuorumWatch;

/**
 * Hands out {@code id.index} numbers from a ZooKeeper counter with compare-and-set, so two
 * members never give the same number to two nodes.
 */
final class IdCounter {

    private final CuratorFramework curator;
    private final String path;
    private final QuorumWatch quorum;

    IdCounter(CuratorFramework curator, String path, QuorumWatch quorum) {
        this.curator = curator;
        this.path = path;
        this.quorum = quorum;
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    long reserve(int count) {
        quorum.requireQuorum();
        try {
            while (true) {
                Stat stat = new Stat();
                byte[] data = curator.getData().storingStatIn(stat).forPath(path);
                long next = data.length == 0 ? 1 : Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
                try {
                    curator.setData().withVersion(stat.getVersion())
                            .forPath(path, Long.toString(next + count).getBytes(StandardCharsets.US_ASCII));
                    return next;
                } catch (KeeperException.BadVersionException raced) {
                    // another member reserved numbers meanwhile: read again
                }
            }
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
            throw QuorumWatch.noQuorum();
        } catch (Exception e) {
            throw new RequestException(RequestException.Kind.UNAVAILABLE, "cannot reserve node numbers: " + e, e);
        }
    }

    /** Raises the counter so that the next number handed out is at least {@code next} (never lowers it). */
    void raiseTo(long next) {
        quorum.requireQuorum();
        try {
            while (true) {
                Stat stat = new Stat();
                byte[] data = curator.getData().storingStatIn(stat).forPath(path);
                long current = data.length == 0 ? 1 : Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
                if (current >= next) {
                    return;
                }
                try {
                    curator.setData().withVersion(stat.getVersion())
                            .forPath(path, Long.toString(next).getBytes(StandardCharsets.US_ASCII));
                    return;
                } catch (KeeperException.BadVersionException raced) {
                    // another member reserved numbers meanwhile: read again
                }
            }
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException e) {
            throw QuorumWatch.noQuorum();
        } catch (Exception e) {
            throw new RequestException(RequestException.Kind.UNAVAILABLE, "cannot set the node number counter: " + e, e);
        }
    }
}
