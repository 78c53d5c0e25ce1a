package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.confluentcollective.web.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 point 6 through real HTTPS on a real daemon (real password hashes): a wrong-password
 * flood on one user is refused at once after a few guesses, another user keeps being answered
 * quickly, and the right password works again after the delay.
 */
class LoginThrottleApiTest {

    @TempDir
    Path dir;

    /** A guess answered within 10 s; otherwise the API threads' stacks are printed for the diagnosis. */
    private static Answer answerWithin(ApiClient client) throws Exception {
        try {
            return client.send(client.request("GET", "/nodes/").timeout(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().startsWith("confluentd-api")) {
                    System.out.println("unanswered guess; " + thread.getName() + " " + thread.getState() + " "
                            + java.util.Arrays.toString(stack));
                }
            });
            throw e;
        }
    }

    @Test
    void aPasswordFloodOnOneUserLeavesTheOthersAlone() throws Exception {
        try (DaemonFixture fixture = DaemonFixture.start(dir.resolve("state"))) {
            for (String user : List.of("alice", "bob")) {
                Answer created = fixture.socket.post("/users/",
                        "{\"name\":\"" + user + "\",\"role\":\"operator\",\"password\":\"pw-" + user + "\"}");
                assertEquals(201, created.status(), created.text());
            }
            ApiClient guesser = fixture.https.as("alice", "guess");
            ApiClient bob = fixture.https.as("bob", "pw-bob");
            assertEquals(200, bob.get("/nodes/").status());

            Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            ExecutorService flood = Executors.newFixedThreadPool(8);
            List<Future<?>> floods = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                floods.add(flood.submit(() -> {
                    while (System.nanoTime() < until) {
                        Answer answer = answerWithin(guesser);
                        floodStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 429) {
                            assertError(429, answer);
                            assertTrue(answer.headers().get("Retry-After") != null, answer.headers().toString());
                        }
                    }
                    return null;
                }));
            }
            List<Long> bobMillis = new ArrayList<>();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                assertEquals(200, bob.get("/nodes/").status());
                bobMillis.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(50);
            }
            for (Future<?> f : floods) {
                f.get();
            }
            flood.shutdown();

            assertTrue(floodStatuses.keySet().equals(java.util.Set.of(401, 429)), floodStatuses.toString());
            // 5 guesses and those already in flight (8 guessers), then one per delay (1, 2 s) in
            // 4 s: the rest were refused unchecked.
            assertTrue(floodStatuses.get(401).get() <= 5 + 7 + 3, floodStatuses.toString());
            assertTrue(floodStatuses.get(429).get() > 50, floodStatuses.toString());
            bobMillis.sort(null);
            assertTrue(bobMillis.get(bobMillis.size() - 1) < 1000, bobMillis.toString());

            ApiClient alice = fixture.https.as("alice", "pw-alice");
            Answer refused = alice.get("/nodes/");
            if (refused.status() == 429) {
                Thread.sleep(Long.parseLong(refused.headers().get("Retry-After")) * 1000);
            }
            assertEquals(200, alice.get("/nodes/").status());
        }
    }
}
