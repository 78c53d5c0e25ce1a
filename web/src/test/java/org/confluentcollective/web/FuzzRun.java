package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.confluentcollective.web.RawHttp.Reply;

/**
 * Fires generated requests at a listener from a few client threads, each thread with its own
 * {@link Random} derived from one fixed seed ({@code -Dfuzz.seed=N} picks another), and checks every
 * answer against the web layer's contract: no 5xx, no missing or slow answer, and every refusal a
 * JSON body {@code {"errorcode":<status>,"error":"..."}}. Failures are collected and reported with the seed.
 */
final class FuzzRun {

    static final int THREADS = 4;
    static final long SLOWEST_MILLIS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a request must get: a refusal (4xx); anything but a server error (2xx or 4xx); or, for
     * broken HTTP, a refusal or the 505 docs/api.md gives a request line naming no HTTP/1.x version.
     */
    enum Expect { REFUSED, ANSWERED, BROKEN }

    /** Sends one request and returns the answer; HEAD answers have an empty body. */
    interface Probe {
        Reply send() throws Exception;
    }

    /** Checks an answer beyond the contract; returns what is wrong with it, or null. */
    interface Check {
        String problem(Reply reply);
    }

    /** @param what the request, its method first */
    record Shot(String what, Expect expect, Probe probe, Check check) {
        Shot(String what, Expect expect, Probe probe) {
            this(what, expect, probe, reply -> null);
        }

        /** An answer to HEAD has no body, so no error body to check. */
        boolean isHead() {
            return what.startsWith("HEAD ");
        }
    }

    final String name;
    final long seed;
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    FuzzRun(String name, long defaultSeed) {
        this.name = name;
        this.seed = Long.getLong("fuzz.seed", defaultSeed);
    }

    /** Sends {@code requests} shots made by {@code generator}, spread over {@link #THREADS} threads. */
    void run(int requests, Function<Random, Shot> generator) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed * 31 + t);
                int share = requests / THREADS + (t < requests % THREADS ? 1 : 0);
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        fire(generator.apply(random));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had this status. */
    int count(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    void assertNoFailures() {
        String summary = name + " with seed " + seed + " (-Dfuzz.seed=" + seed + " replays it): statuses "
                + new TreeMap<>(statuses);
        System.out.println(summary);
        failures.forEach(f -> System.out.println(name + " failure: " + f));
        assertTrue(failures.isEmpty(), summary + "\n" + failures.size() + " failures, first ones:\n"
                + String.join("\n", failures.stream().limit(15).toList()));
    }

    private void fire(Shot shot) {
        long start = System.nanoTime();
        Reply reply;
        try {
            reply = shot.probe().send();
        } catch (Exception e) {
            failures.add(shot.what() + ": no answer: " + e + " at " + java.util.Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("org.confluentcollective")).findFirst().orElse(null));
            return;
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
        String problem = contractProblem(shot, reply);
        if (problem == null) {
            problem = shot.check().problem(reply);
        }
        if (problem == null && tookMillis > SLOWEST_MILLIS) {
            problem = "took " + tookMillis + " ms";
        }
        if (problem != null) {
            failures.add(shot.what() + ": " + problem + "\n    " + abbreviate(reply.toString()));
        }
    }

    private static String contractProblem(Shot shot, Reply reply) {
        int status = reply.status();
        if (status == 505 && shot.expect() == Expect.BROKEN) {
            return null;
        }
        if (status >= 500 || status < 200) {
            return "status " + status;
        }
        if (shot.expect() != Expect.ANSWERED && status < 400) {
            return "not refused: " + status;
        }
        if (status < 400 || shot.isHead()) {
            return null;
        }
        if (!reply.head().toLowerCase(Locale.ROOT).contains("\ncontent-type: application/json")) {
            return "error answer is not JSON";
        }
        try {
            JsonNode body = JSON.readTree(reply.body());
            if (body == null || body.path("errorcode").asInt() != status || body.path("error").asText().isBlank()) {
                return "error body does not name the problem";
            }
        } catch (Exception e) {
            return "error body is not JSON: " + e.getMessage();
        }
        return null;
    }

    /** A request or answer short enough for a failure line, control characters shown. */
    static String abbreviate(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 0x20 || c == 0x7f
                ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
