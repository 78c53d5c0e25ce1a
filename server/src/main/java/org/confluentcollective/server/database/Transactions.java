package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.quorum.QuorumWatch;

/**
 * Optimistic transactions: a plan reads the memory tree and returns the writes it wants
 * (updates carry the version they were planned from); if another writer got there first, the
 * touched znodes are read again and the plan is made again. Two members changing different
 * attributes of one node therefore both succeed, and neither change is lost.
 */
final class Transactions {

    /**
     * Lost races are retried after a growing, jittered delay (Curator's ExponentialBackoffRetry
     * is the model), so members racing for one entry spread out instead of colliding again.
     */
    private static final int MAX_ATTEMPTS = 25;
    private static final long BASE_DELAY_MILLIS = 5;
    private static final long MAX_DELAY_MILLIS = 1000;
    /** Bulk changes keep this many multis in flight, so ZooKeeper can group-commit them. */
    private static final int WINDOW = 8;

    private final ZkWriter writer;
    private final TreeSync sync;
    private final Executor planner;
    private final QuorumWatch quorum;

    Transactions(ZkWriter writer, TreeSync sync, Executor planner, QuorumWatch quorum) {
        this.writer = writer;
        this.sync = sync;
        this.planner = planner;
        this.quorum = quorum;
    }

    /**
     * Runs one transaction to completion; a plan's RequestException is rethrown as is.
     * Without a quorum nothing is attempted: UNAVAILABLE {@code no quorum}.
     */
    void run(Supplier<List<ZkWriter.Write>> plan) {
        quorum.requireQuorum();
        await(attempt(plan, 1));
    }

    /** Refuses writes that could never be sent (TOO_LARGE), without sending anything. */
    void check(List<ZkWriter.Write> writes) {
        writer.prepare(writes);
    }

    /**
     * Runs independent transactions (batches of a bulk change), several at a time. Every batch
     * is planned and checked (record and multi sizes) before the first is sent, so a refusal
     * leaves nothing half-written.
     */
    void runAll(List<Supplier<List<ZkWriter.Write>>> plans) {
        quorum.requireQuorum();
        List<ZkWriter.Prepared> firstAttempts = new ArrayList<>(plans.size());
        for (Supplier<List<ZkWriter.Write>> plan : plans) {
            firstAttempts.add(writer.prepare(plan.get()));
        }
        Semaphore window = new Semaphore(WINDOW);
        List<CompletableFuture<Void>> running = new ArrayList<>(plans.size());
        try {
            for (int i = 0; i < plans.size(); i++) {
                window.acquire();
                // set(i, null) hands the batch over and lets it be collected once written
                CompletableFuture<Void> done = submit(plans.get(i), firstAttempts.set(i, null), 1);
                done.whenComplete((ok, error) -> window.release());
                running.add(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestException(RequestException.Kind.UNAVAILABLE, "interrupted");
        }
        try {
            await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
        } catch (RequestException e) {
            long applied = running.stream().filter(done -> done.isDone() && !done.isCompletedExceptionally()).count();
            if (applied == 0 || e.kind() == RequestException.Kind.OUTCOME_UNKNOWN) {
                throw e;
            }
            // Each batch is all or nothing, but batches already committed stay committed.
            throw new RequestException(e.kind(), e.getMessage() + " (part of the change was made: " + applied
                    + " of " + running.size() + " batches)", e);
        }
    }

    private CompletableFuture<Void> attempt(Supplier<List<ZkWriter.Write>> plan, int attempt) {
        ZkWriter.Prepared prepared;
        try {
            prepared = writer.prepare(plan.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(plan, prepared, attempt);
    }

    private CompletableFuture<Void> submit(Supplier<List<ZkWriter.Write>> plan, ZkWriter.Prepared prepared, int attempt) {
        List<ZkWriter.Write> writes = prepared.writes();
        return writer.submit(prepared).thenComposeAsync(outcome -> {
            if (outcome.ok()) {
                return CompletableFuture.completedFuture(null);
            }
            if (outcome.outcomeUnknown()) {
                return CompletableFuture.failedFuture(RequestException.outcomeUnknown(
                        "the connection to the collective was lost (" + outcome.code() + ") after the change was sent"));
            }
            if (outcome.refusedWithoutQuorum()) {
                return CompletableFuture.failedFuture(QuorumWatch.noQuorum());
            }
            if (!outcome.lostRace()) {
                return CompletableFuture.failedFuture(new RequestException(RequestException.Kind.UNAVAILABLE,
                        "the collective database did not accept the change: " + outcome.code()));
            }
            if (attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.failedFuture(RequestException.conflict(
                        "gave up after " + attempt + " attempts: other changes to the same entries kept winning;"
                                + " try again"));
            }
            List<String> stale = outcome.failedPath() != null ? List.of(outcome.failedPath())
                    : writes.stream().map(ZkWriter.Write::path).toList();
            // Wait first, then read again and plan at once: the fresher the copy a plan starts
            // from, the better its chance against a writer that keeps changing the same entry.
            Executor later = CompletableFuture.delayedExecutor(backoff(attempt), TimeUnit.MILLISECONDS, planner);
            return CompletableFuture.supplyAsync(() -> stale, later)
                    .thenCompose(sync::refresh)
                    .thenComposeAsync(refreshed -> attempt(plan, attempt + 1), planner);
        }, planner);
    }

    /**
     * None after the first lost race (most races end there), then exponential in the attempt,
     * capped, and spread by a random factor of 0.5 to 1.5.
     */
    static long backoff(int attempt) {
        if (attempt <= 1) {
            return 0;
        }
        long ceiling = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << Math.min(attempt - 2, 20));
        return (long) (ceiling * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
    }

    private static void await(CompletableFuture<Void> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestException(RequestException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new RequestException(RequestException.Kind.UNAVAILABLE, String.valueOf(cause.getMessage()), cause);
    }
}
