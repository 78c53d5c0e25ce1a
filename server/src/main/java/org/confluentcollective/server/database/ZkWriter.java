package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.confluentcollective.server.api.RequestException;

/**
 * Submits groups of znode writes as one ZooKeeper {@code multi} (all or nothing) and, on
 * success, applies them to the memory tree from the write's own callback, so that the caller
 * reads its write as soon as the returned future completes.
 */
final class ZkWriter {

    /** One znode write inside a multi. */
    sealed interface Write {
        String path();
    }

    /** Creates a znode holding a record (a NodeRecord, GroupRecord or UserRecord). */
    record Create(String path, Object record) implements Write {
    }

    /** Replaces a znode's record if the znode still has {@code version} (compare-and-set). */
    record Update(String path, Object record, int version) implements Write {
    }

    record Delete(String path, int version) implements Write {
    }

    /** How a multi ended: OK, or the code and path of the write that failed. */
    record Outcome(Code code, String failedPath) {
        boolean ok() {
            return code == Code.OK;
        }

        /**
         * The connection was lost after the multi was handed to the client: it may or may not
         * have been committed.
         */
        boolean outcomeUnknown() {
            return code == Code.CONNECTIONLOSS || code == Code.SESSIONEXPIRED || code == Code.OPERATIONTIMEOUT
                    || code == Code.SESSIONMOVED;
        }

        /** The server refused it without a quorum (a read-only server): nothing was changed. */
        boolean refusedWithoutQuorum() {
            return code == Code.NOTREADONLY;
        }

        /** A concurrent change won; planning again from fresh data may succeed. */
        boolean lostRace() {
            return code == Code.BADVERSION || code == Code.NODEEXISTS || code == Code.NONODE;
        }
    }

    /**
     * Largest encoded record (node, group or user) the database stores: a quarter of
     * ZooKeeper's default 1 MiB packet limit ({@code jute.maxbuffer}), so that one record can never
     * make a request or an answer exceed it and drop the session (docs/database.md).
     */
    static final int MAX_RECORD_BYTES = 256 * 1024;
    /**
     * Last guard for a whole multi (data, paths and per-op framing): beyond it the multi is refused
     * unsent rather than dropping the session. Batches aim at half of it.
     */
    static final int MAX_MULTI_BYTES = 900 * 1024;
    private static final int OP_OVERHEAD_BYTES = 32;

    /** Writes checked and encoded, ready to be sent as one multi. */
    record Prepared(List<Write> writes, List<Op> ops) {
    }

    private final Supplier<ZooKeeper> zooKeeper;
    private final TreeSync sync;
    private final RecordCodec codec;
    private final ZnodeLayout layout;

    ZkWriter(Supplier<ZooKeeper> zooKeeper, TreeSync sync, RecordCodec codec, ZnodeLayout layout) {
        this.zooKeeper = zooKeeper;
        this.sync = sync;
        this.codec = codec;
        this.layout = layout;
    }

    /**
     * Encodes writes into one multi, refusing (TOO_LARGE, nothing sent) a record above
     * {@link #MAX_RECORD_BYTES} or a multi above {@link #MAX_MULTI_BYTES}.
     */
    Prepared prepare(List<Write> writes) {
        List<Op> ops = new ArrayList<>(writes.size() + 1);
        Set<String> containers = new LinkedHashSet<>();
        long bytes = 0;
        for (Write write : writes) {
            byte[] data = write instanceof Create c ? codec.encode(c.record())
                    : write instanceof Update u ? codec.encode(u.record()) : null;
            if (data != null && data.length > MAX_RECORD_BYTES) {
                throw RequestException.tooLarge(describe(write.path()) + " would take " + data.length
                        + " bytes, more than the " + MAX_RECORD_BYTES + " bytes a record may hold; nothing was changed");
            }
            bytes += OP_OVERHEAD_BYTES + write.path().length() + (data == null ? 0 : data.length);
            ops.add(toOp(write, data));
            containers.add(sync.containerOf(write.path()));
        }
        // Last, so that a member seeing a container's change has seen the entries' changes:
        // this is what lets a member catch up after a disconnection (TreeSync).
        for (String container : containers) {
            ops.add(Op.setData(container, new byte[0], -1));
            bytes += OP_OVERHEAD_BYTES + container.length();
        }
        if (bytes > MAX_MULTI_BYTES) {
            throw RequestException.tooLarge("one batch of this change would take " + bytes + " bytes, more than the "
                    + MAX_MULTI_BYTES + " bytes one write to the collective may carry; nothing was changed by it");
        }
        return new Prepared(List.copyOf(writes), ops);
    }

    CompletableFuture<Outcome> submit(Prepared prepared) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        List<Write> writes = prepared.writes();
        List<Op> ops = prepared.ops();
        if (writes.isEmpty()) {
            outcome.complete(new Outcome(Code.OK, null));
            return outcome;
        }
        zooKeeper.get().multi(ops, (rc, path, ctx, results) -> {
            if (rc == Code.OK.intValue()) {
                applyAll(writes, results);
                outcome.complete(new Outcome(Code.OK, null));
            } else {
                outcome.complete(failure(rc, writes, results));
            }
        }, null);
        return outcome;
    }

    /** Runs on the event thread, in order with every other change to the tree. */
    private void applyAll(List<Write> writes, List<OpResult> results) {
        // One multi is applied as one step: a snapshot (TreeSync.snapshot) never sees half of it.
        synchronized (sync) {
            applyEach(writes, results);
        }
    }

    private void applyEach(List<Write> writes, List<OpResult> results) {
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (write instanceof Create c) {
                // A create's answer carries no Stat; a new znode is at version 0, and the
                // change event that follows brings its zxid.
                sync.applyWritten(c.path(), c.record(), new Stat());
            } else if (write instanceof Update u) {
                sync.applyWritten(u.path(), u.record(), ((OpResult.SetDataResult) results.get(i)).getStat());
            } else {
                sync.applyDeleted(write.path());
            }
        }
    }

    private static Op toOp(Write write, byte[] data) {
        if (write instanceof Create c) {
            return Op.create(c.path(), data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        if (write instanceof Update u) {
            return Op.setData(u.path(), data, u.version());
        }
        Delete d = (Delete) write;
        return Op.delete(d.path(), d.version());
    }

    /** "node n1", "group rack1", "user alice": what a refusal names. */
    private String describe(String path) {
        return layout.classify(path).map(entry -> entry.kind().name().toLowerCase(Locale.ROOT) + " " + entry.name())
                .orElse(path);
    }

    private static Outcome failure(int rc, List<Write> writes, List<OpResult> results) {
        if (results != null) {
            for (int i = 0; i < results.size() && i < writes.size(); i++) {
                if (results.get(i) instanceof OpResult.ErrorResult error
                        && error.getErr() != Code.OK.intValue()
                        && error.getErr() != Code.RUNTIMEINCONSISTENCY.intValue()) {
                    return new Outcome(Code.get(error.getErr()), writes.get(i).path());
                }
            }
        }
        return new Outcome(Code.get(rc), null);
    }
}
