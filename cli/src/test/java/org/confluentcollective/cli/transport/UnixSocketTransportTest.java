package org.confluentcollective.cli.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local socket's transport where the command tests do not reach: a daemon that takes the
 * connection and says nothing, and one that takes no connection at all.
 */
class UnixSocketTransportTest {

    @TempDir
    Path dir;

    @Test
    void aSilentDaemonIsGivenUpOnAfterTheIdleTimeout() throws Exception {
        Path socket = dir.resolve("api.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            UnixSocketTransport transport = new UnixSocketTransport(new Endpoint.UnixSocket(socket), 1000, 1000);
            long start = System.nanoTime();
            ConnectionException e = assertThrows(ConnectionException.class,
                    () -> transport.open("GET", "/nodes/", null, null));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("confluentd at " + socket + " did not answer (nothing received for 1 s)", e.getMessage());
            assertEquals(true, elapsedMs >= 900 && elapsedMs < 20_000, elapsedMs + " ms");
            try (SocketChannel accepted = server.accept()) {
                assertEquals(true, accepted.isOpen());
            }
        }
    }

    @Test
    void aDaemonTakingNoConnectionIsGivenUpOnAfterTheConnectTimeout() throws Exception {
        Path socket = dir.resolve("api.sock");
        List<SocketChannel> queued = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket), 1);
            // Fills the queue of connections nobody accepts: the next connect blocks.
            while (queued.size() < 100) {
                SocketChannel filler = SocketChannel.open(StandardProtocolFamily.UNIX);
                filler.configureBlocking(false);
                queued.add(filler);
                try {
                    if (!filler.connect(UnixDomainSocketAddress.of(socket))) {
                        break;
                    }
                } catch (java.io.IOException full) {
                    break;
                }
            }
            UnixSocketTransport transport = new UnixSocketTransport(new Endpoint.UnixSocket(socket), 1000, 600_000);
            long start = System.nanoTime();
            ConnectionException e = assertThrows(ConnectionException.class,
                    () -> transport.open("GET", "/nodes/", null, null));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("cannot connect to confluentd at " + socket + " (it took no connection for 1 s: hung, or"
                    + " overloaded); is it running? Start it with 'systemctl start confluentd', or use --host HOST",
                    e.getMessage());
            assertEquals(true, elapsedMs >= 900 && elapsedMs < 20_000, elapsedMs + " ms");
        } finally {
            for (SocketChannel channel : queued) {
                channel.close();
            }
        }
    }
}
