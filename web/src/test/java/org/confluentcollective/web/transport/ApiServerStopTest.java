package org.confluentcollective.web.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.confluentcollective.server.trust.MemberIdentity;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member restarting (after {@code collective join} or {@code recover}) closes its API while
 * confluentctl may be calling it: every connection the local socket took must then be answered or
 * closed. Before, one accepted while the server stopped was left open and unserved, and its
 * caller waited for its 600 s answer timeout. The race is narrow, so clients hammer the socket
 * across many stops.
 */
class ApiServerStopTest {

    private static final int CLIENTS = 4;
    private static final int STOPS = 40;
    /** Far beyond an answer from an idle server; a connection silent this long was left open. */
    private static final long SILENCE_MS = 10_000;
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @jakarta.ws.rs.Path("/")
    public static final class Hello {
        @GET
        @Produces("text/plain")
        public String get() {
            return "hello";
        }
    }

    @Test
    void everyConnectionTakenWhileStoppingIsAnsweredOrClosed() throws Exception {
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        char[] password = "pw".toCharArray();
        ApiServerSettings settings = new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                new TlsIdentity(identity.keyStore(password), password));
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Map<String, AtomicInteger> leftOpen = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                while (calling.get()) {
                    String outcome = call(settings.socketPath());
                    if (outcome.equals("answered")) {
                        answered.incrementAndGet();
                    } else if (!outcome.equals("refused")) {
                        leftOpen.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }, "caller-" + i);
            client.start();
            clients.add(client);
        }
        try {
            for (int i = 0; i < STOPS; i++) {
                try (ApiServer server = ApiServer.start(settings, ports -> new ResourceConfig(Hello.class))) {
                    TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(30));
                }
            }
        } finally {
            calling.set(false);
            for (Thread client : clients) {
                client.join(2 * SILENCE_MS);
            }
        }
        assertEquals(Map.of(), leftOpen, "connections neither answered nor closed (" + answered + " answered)");
        assertTrue(answered.get() > 0, "no call reached a running server");
    }

    /**
     * One request: "answered", "refused" (no socket, nobody listening, or the connection closed
     * or reset without an answer: the caller is told at once) or how the server left it open.
     */
    private static String call(Path socket) {
        if (!Files.exists(socket)) {
            Thread.onSpinWait();
            return "refused";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(REQUEST));
            } catch (IOException e) {
                return "refused";
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            if (selector.select(SILENCE_MS) == 0) {
                return "silent for " + SILENCE_MS + " ms";
            }
            ByteBuffer answer = ByteBuffer.allocate(256);
            try {
                return channel.read(answer) > 0 ? "answered" : "refused";
            } catch (IOException e) {
                return "refused";
            }
        } catch (IOException e) {
            return e.toString();
        }
    }
}
